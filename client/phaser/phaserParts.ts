// The part of Phaser this game uses, bundled in place of the whole library (`phaser` resolves here
// in client builds: see vite.config.ts). The full build carries physics, tilemaps, particles,
// sound, video, meshes and forty other game objects the drill never draws; this is the
// engine core plus what the scenes call: shapes, text, images, containers, graphics, DOM
// elements, the SVG loader, tweens, timers, pointer and keyboard input.
//
// Game objects register their `this.add.*` factories when their Factory module is loaded, and
// scene plugins (tweens, timers, input, keyboard, loader, data) register themselves the same way,
// so every one the scenes use is imported here for its side effect; a scene plugin that is not
// loaded is simply absent from scenes (lights, gamepads). A scene that needs another part adds it
// here, and the browser tests fail on the missing factory before a player would.
//
// Types still come from the package (`types/phaser.d.ts`): scenes import `phaser` as before.
import 'phaser-src/polyfills/requestVideoFrame.js';

import CONST from 'phaser-src/const.js';
// First: the renderer's index, like Phaser's own entry. Its render nodes require that index back
// (a require cycle); entered from the Game's renderer instead, a batch handler would extend a
// module that has not finished loading.
import 'phaser-src/renderer/index.js';
import Extend from 'phaser-src/utils/object/Extend.js';

import Core from 'phaser-src/core/index.js';
import Game from 'phaser-src/core/Game.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scenes from 'phaser-src/scene/index.js';
import Scale from 'phaser-src/scale/index.js';
import Class from 'phaser-src/utils/Class.js';
import Events from 'phaser-src/events/index.js';

// The plugins every scene has (Phaser's DefaultPlugins.CoreScene): they register on load.
import 'phaser-src/events/EventEmitter.js';
import 'phaser-src/cameras/2d/CameraManager.js';
import 'phaser-src/gameobjects/GameObjectCreator.js';
import 'phaser-src/gameobjects/GameObjectFactory.js';
import 'phaser-src/scene/ScenePlugin.js';
import 'phaser-src/gameobjects/DisplayList.js';
import 'phaser-src/gameobjects/UpdateList.js';

import GameObject from 'phaser-src/gameobjects/GameObject.js';
import GameObjectEvents from 'phaser-src/gameobjects/events/index.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import DOMElement from 'phaser-src/gameobjects/domelement/DOMElement.js';
import 'phaser-src/gameobjects/domelement/DOMElementFactory.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import Arc from 'phaser-src/gameobjects/shape/arc/Arc.js';
import 'phaser-src/gameobjects/shape/arc/ArcFactory.js';
import Ellipse from 'phaser-src/gameobjects/shape/ellipse/Ellipse.js';
import 'phaser-src/gameobjects/shape/ellipse/EllipseFactory.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';

import InputEvents from 'phaser-src/input/events/index.js';
import Pointer from 'phaser-src/input/Pointer.js';
import 'phaser-src/input/InputPlugin.js';
import 'phaser-src/input/keyboard/KeyboardPlugin.js';

import LoaderEvents from 'phaser-src/loader/events/index.js';
import LoaderFile from 'phaser-src/loader/File.js';
import 'phaser-src/loader/LoaderPlugin.js';
import 'phaser-src/loader/filetypes/ImageFile.js';
import 'phaser-src/loader/filetypes/SVGFile.js';

import Tween from 'phaser-src/tweens/tween/Tween.js';
import 'phaser-src/tweens/TweenManager.js';
import TimerEvent from 'phaser-src/time/TimerEvent.js';
import 'phaser-src/time/Clock.js';
import 'phaser-src/data/DataManagerPlugin.js';

import GeomRectangle from 'phaser-src/geom/rectangle/Rectangle.js';
import Vector2 from 'phaser-src/math/Vector2.js';

const Phaser = Extend(false, {
  Class,
  Core,
  Events,
  Game,
  Scene,
  Scenes,
  Scale,
  GameObjects: { GameObject, Events: GameObjectEvents, Arc, Container, DOMElement, Ellipse, Graphics, Image, Rectangle, Text },
  Geom: { Rectangle: GeomRectangle },
  Input: { Events: InputEvents, Pointer },
  Loader: { Events: LoaderEvents, File: LoaderFile },
  Math: { Vector2 },
  Time: { TimerEvent },
  Tweens: { Tween },
}, CONST);

export default Phaser;
