// The same app in Vue 3: text interpolation, v-for with keys, v-if, v-model.
let nextId = 3;
Vue.createApp({
  data: () => ({ count: 0, items: [{ id: 1, text: 'Buy fresh bread' }, { id: 2, text: 'Call the bank' }], details: false, name: '' }),
  methods: {
    add() { this.items.push({ id: nextId++, text: 'Water the plants' }); },
    remove(id) { this.items = this.items.filter((x) => x.id !== id); },
  },
}).mount('#app');
