// The page widget as a module (what web/translate-widget.js and dist/translate-widget.js start).
export interface WidgetConfig {
  /** the page's language; null: <html lang>, else detected from the text */
  from: string | null;
  /** languages offered */
  to: string[];
  /** base URL of registry.json and the model folders */
  models: string;
  /** folder URL of engine.mjs / engine.wasm */
  engine: string;
  /** show the built-in language picker */
  picker: boolean;
  device: 'auto' | 'wasm' | 'webgpu';
  threads: 'auto' | number | string;
  /** terms kept verbatim, comma-separated */
  keep?: string;
  /** the popup with a translated block's original text on hover and keyboard focus (default true) */
  showOriginal?: boolean;
  /** dotted underline under sentences the model was unsure of: 'on' (default, the measured
   * threshold), 'off', or the confidence (0..1, exclusive) below which a sentence is marked */
  confidence?: 'on' | 'off' | number | string;
}

export interface Widget {
  readonly sourceLang: string;
  readonly targets: string[];
  /** the language the page is shown in now */
  readonly lang: string;
  /** resolves when the content in view is translated; the rest follows in the background */
  translatePage(lang: string): Promise<void>;
  /** the page's own text back, node for node */
  restore(): void;
}

export declare function start(config: WidgetConfig): Widget;
export declare function startFromScript(script: HTMLScriptElement | null, base: URL): Widget;
