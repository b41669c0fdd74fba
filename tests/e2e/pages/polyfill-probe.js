// Runs at page load, before any user gesture (the test harness's evaluations count as gestures):
// what Translator.create() does without transient user activation.
window.noGesture = Translator.create({ sourceLanguage: 'en', targetLanguage: 'de' })
  .then(() => ({ error: null }), (e) => ({ error: e.name }));
