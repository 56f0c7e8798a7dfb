/**
 * System fonts that carry Simplified Chinese on each platform, in order of preference: Noto/Source
 * Han (Linux, Debian's fonts-noto-cjk, Android), PingFang and Hiragino (macOS, iOS), Microsoft
 * YaHei (Windows), WenQuanYi (older Linux). Nothing is downloaded: a CJK web font would cost
 * megabytes, and every desktop the bank uses already has one of these.
 */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
