// The widget's settings, from its <script> tag's data-* attributes or window.TranslateWidgetConfig
// (see web/translate-widget.js for the list). base: the script's folder, which relative URLs
// (models/, engine/) are resolved against.
export function configFromScript(script, base) {
  const attr = (name, fallback) => script?.getAttribute(`data-${name}`) ?? window.TranslateWidgetConfig?.[name] ?? fallback;
  return {
    from: attr('from', null),
    to: String(attr('to', 'de,fr')).split(',').map((s) => s.trim()).filter(Boolean),
    models: new URL(attr('models', 'models/'), base).href,
    engine: new URL(attr('engine', 'engine/'), base).href,
    picker: attr('picker', 'on') !== 'off',
    device: attr('device', 'auto'),
    threads: attr('threads', 'auto'),
    keep: attr('keep', ''),
    showOriginal: attr('show-original', 'on') !== 'off',
    confidence: attr('confidence', 'on'),
  };
}
