// Phaser's own source modules (CommonJS, untyped), imported only by client/phaser/phaserParts.ts.
// The game's code never imports these: it uses `phaser` and the package's types.
declare module 'phaser-src/*' {
  const part: any;
  export default part;
}
