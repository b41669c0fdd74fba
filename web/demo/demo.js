// "Load more" on captions.html adds captions after the page loaded: the widget translates them too.
const MORE = [
  ['photo5.svg', 'A street musician plays the guitar.', 'A man plays the guitar on the street while people watch.'],
  ['photo6.svg', 'A boy jumps into the lake.', 'A young boy in red shorts jumps into the water.'],
];
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('more').addEventListener('click', () => {
    for (const [img, alt, caption] of MORE) {
      const fig = document.createElement('figure');
      const im = document.createElement('img');
      im.src = `/demo/img/${img}`;
      im.alt = alt;
      im.width = 320;
      im.height = 200;
      const cap = document.createElement('figcaption');
      cap.textContent = caption;
      fig.append(im, cap);
      document.getElementById('cards').append(fig);
    }
  });
});
