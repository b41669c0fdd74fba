// A small React 18 app of the kind sites ship: state in sentences, a keyed list, conditional
// rendering, a controlled input. Plain React.createElement (no JSX, no build step).
const e = React.createElement;
let nextId = 3;

function App() {
  const [count, setCount] = React.useState(0);
  const [items, setItems] = React.useState([{ id: 1, text: 'Buy fresh bread' }, { id: 2, text: 'Call the bank' }]);
  const [details, setDetails] = React.useState(false);
  const [name, setName] = React.useState('');
  return e('div', { id: 'app' },
    e('h1', null, 'Our shopping list'),
    e('p', { id: 'count' }, 'You clicked the button ', count, ' times.'),
    e('p', null, e('button', { id: 'inc', onClick: () => setCount((c) => c + 1) }, 'Click here')),
    e('p', { id: 'total' }, items.length, ' items are in your list.'),
    e('ul', { id: 'list' }, items.map((it) => e('li', { key: it.id, 'data-id': it.id },
      e('span', { className: 'text' }, it.text), ' ',
      e('button', { className: 'remove', onClick: () => setItems((xs) => xs.filter((x) => x.id !== it.id)) }, 'Remove')))),
    e('p', { className: 'actions' },
      e('button', { id: 'add', onClick: () => setItems((xs) => [...xs, { id: nextId++, text: 'Water the plants' }]) }, 'Add an item'),
      ' ',
      e('button', { id: 'toggle', onClick: () => setDetails((d) => !d) }, 'Show or hide the details')),
    details && e('p', { id: 'details' }, 'The shop opens at nine in the morning.'),
    e('label', { htmlFor: 'name' }, 'Your name'),
    e('input', { id: 'name', value: name, placeholder: 'Enter your name', onChange: (ev) => setName(ev.target.value) }),
    e('p', { id: 'greeting' }, 'Hello, ', name || 'stranger', '!'),
    e('p', { id: 'brand' }, 'Welcome to Street & Park, the best shop in town.'));
}

ReactDOM.createRoot(document.getElementById('root')).render(e(App));
