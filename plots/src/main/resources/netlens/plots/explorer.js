// netlens report explorer: every probed epoch on a slider, hover and pick samples, toggle classes and
// panels. Reads the JSON in each <script class="explorer-data"> and builds its viewer in the
// <div class="explorer"> before it; without JavaScript that div stays hidden and the static figures
// remain. No network: everything it draws is in the page.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var SIZE = 220;

  function el(tag, attrs, parent, ns) {
    var e = ns ? document.createElementNS(SVG, tag) : document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function place(v, grid) { return v / grid * SIZE; }

  function build(root, data) {
    var grid = data.grid, frames = data.frames;
    var picked = {};            // "set:index" → true
    var hiddenClasses = {};     // class name → true
    var frame = frames.length - 1, timer = null;

    var bar = el('div', {'class': 'explorer-bar'}, root);
    var play = el('button', {'type': 'button', 'class': 'explorer-play'}, bar);
    play.textContent = '▶ play';
    var slider = el('input', {'type': 'range', 'min': 0, 'max': frames.length - 1, 'value': frame, 'step': 1,
      'class': 'explorer-slider', 'aria-label': 'probed epoch'}, bar);
    var label = el('span', {'class': 'explorer-epoch'}, bar);
    var info = el('div', {'class': 'explorer-info'}, root);

    // One checkbox per class (by name, across the runs shown) and one per panel.
    var toggles = el('div', {'class': 'explorer-toggles'}, root);
    var classes = [], colourOf = {};
    data.sets.forEach(function (s) {
      s.classes.forEach(function (c, i) { if (!(c in colourOf)) { classes.push(c); colourOf[c] = s.colours[i]; } });
    });
    function toggle(parent, attrs, swatch, name, change) {
      var l = el('label', {'class': 'explorer-toggle'}, parent);
      var box = el('input', attrs, l);
      box.type = 'checkbox';
      box.checked = true;
      if (swatch) el('span', {'class': 'swatch', 'style': 'background:' + swatch}, l);
      l.appendChild(document.createTextNode(' ' + name));
      box.addEventListener('change', function () { change(box.checked); });
    }
    classes.forEach(function (c) {
      toggle(toggles, {'data-class': c}, colourOf[c], c, function (on) { hiddenClasses[c] = !on; draw(); });
    });
    var layerToggles = el('div', {'class': 'explorer-toggles'}, root);

    var panelBox = el('div', {'class': 'explorer-panels'}, root);
    var tip = el('div', {'class': 'explorer-tip', 'hidden': ''}, root);
    var panels = data.panels.map(function (p, pi) {
      var set = data.sets[p.set];
      var box = el('figure', {'class': 'explorer-panel', 'data-panel': pi}, panelBox);
      var cap = el('figcaption', {}, box);
      cap.textContent = p.title;
      toggle(layerToggles, {'data-panel': pi}, null, p.title, function (on) { box.hidden = !on; });
      var svg = el('svg', {'viewBox': '0 0 ' + SIZE + ' ' + SIZE, 'width': SIZE, 'height': SIZE}, box, true);
      el('rect', {'x': 0, 'y': 0, 'width': SIZE, 'height': SIZE, 'fill': '#fff', 'stroke': '#dde2ea'}, svg, true);
      var image = p.kind === 'regions' ? el('image', {'x': 0, 'y': 0, 'width': SIZE, 'height': SIZE, 'preserveAspectRatio': 'none',
        'opacity': 0.35}, svg, true) : null;
      var dots = set.labels.map(function (y, i) {
        return el('circle', {'r': 2.2, 'fill': set.colours[y], 'fill-opacity': 0.7, 'data-set': p.set, 'data-i': i}, svg, true);
      });
      var marks = (p.means ? p.means[0].length / 2 : 0);
      var means = [], etf = [];
      for (var k = 0; k < marks; k++) {
        means.push(el('circle', {'r': 5, 'fill': set.colours[k], 'stroke': '#000', 'stroke-width': 1.5}, svg, true));
        etf.push(el('circle', {'r': 5, 'fill': 'none', 'stroke': '#000', 'stroke-dasharray': '2 2'}, svg, true));
      }
      return {data: p, set: set, box: box, dots: dots, image: image, means: means, etf: etf, regionCache: {}};
    });

    function regionImage(panel, f) {
      if (panel.regionCache[f]) return panel.regionCache[f];
      var g = panel.data.g, cells = panel.data.frames[f];
      var canvas = document.createElement('canvas');
      canvas.width = g; canvas.height = g;
      var ctx = canvas.getContext('2d'), img = ctx.createImageData(g, g);
      for (var r = 0; r < g; r++) for (var c = 0; c < g; c++) {
        var colour = panel.set.colours[cells[r * g + c]] || '#ffffff';
        var o = ((g - 1 - r) * g + c) * 4;      // row 0 is the lowest y
        img.data[o] = parseInt(colour.substr(1, 2), 16);
        img.data[o + 1] = parseInt(colour.substr(3, 2), 16);
        img.data[o + 2] = parseInt(colour.substr(5, 2), 16);
        img.data[o + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      return (panel.regionCache[f] = canvas.toDataURL());
    }

    function draw() {
      slider.value = frame;
      label.textContent = 'epoch ' + frames[frame] + ' (' + (frame + 1) + ' of ' + frames.length + ')';
      info.textContent = data.sets.map(function (s) { return (data.sets.length > 1 ? s.name + ': ' : '') + s.info[frame]; }).join('  |  ');
      panels.forEach(function (panel) {
        var p = panel.data, xy = p.kind === 'regions' ? p.points[frame] : p.frames[frame];
        if (panel.image) panel.image.setAttribute('href', regionImage(panel, frame));
        panel.dots.forEach(function (dot, i) {
          var x = xy[2 * i], y = xy[2 * i + 1];
          var cls = panel.set.classes[panel.set.labels[i]];
          var show = x >= 0 && !hiddenClasses[cls];
          dot.setAttribute('display', show ? 'inline' : 'none');
          if (!show) return;
          dot.setAttribute('cx', place(x, grid));
          dot.setAttribute('cy', SIZE - place(y, grid));
          var on = picked[p.set + ':' + i];
          dot.setAttribute('r', on ? 5 : 2.2);
          dot.setAttribute('stroke', on ? '#000' : 'none');
          dot.setAttribute('stroke-width', on ? 2 : 0);
          if (on) dot.parentNode.appendChild(dot);
        });
        [['means', panel.means], ['etf', panel.etf]].forEach(function (pair) {
          var at = p[pair[0]] && p[pair[0]][frame];
          pair[1].forEach(function (m, k) {
            if (!at) { m.setAttribute('display', 'none'); return; }
            m.setAttribute('display', 'inline');
            m.setAttribute('cx', place(at[2 * k], grid));
            m.setAttribute('cy', SIZE - place(at[2 * k + 1], grid));
          });
        });
      });
    }

    function showTip(dot, event) {
      var s = +dot.getAttribute('data-set'), i = +dot.getAttribute('data-i'), set = data.sets[s];
      var text = 'sample #' + set.index[i] + ' · class ' + set.classes[set.labels[i]];
      if (set.pred) text += ' · predicted ' + set.classes[set.pred[frame][i]] + ' at epoch ' + frames[frame];
      tip.textContent = '';
      if (set.thumbs) {
        var t = set.thumbs, col = i % t.cols, row = Math.floor(i / t.cols), zoom = 2;
        el('div', {'class': 'explorer-thumb', 'style': 'width:' + t.side * zoom + 'px;height:' + t.side * zoom + 'px;' +
          'background-image:url(' + t.uri + ');background-size:' + t.cols * t.side * zoom + 'px auto;' +
          'background-position:-' + col * t.side * zoom + 'px -' + row * t.side * zoom + 'px'}, tip);
      }
      el('div', {}, tip).textContent = text;
      tip.hidden = false;
      var box = root.getBoundingClientRect();
      tip.style.left = (event.clientX - box.left + 14) + 'px';
      tip.style.top = (event.clientY - box.top + 14) + 'px';
    }

    panelBox.addEventListener('mouseover', function (e) { if (e.target.tagName === 'circle' && e.target.hasAttribute('data-i')) showTip(e.target, e); });
    panelBox.addEventListener('mouseout', function (e) { if (e.target.tagName === 'circle') tip.hidden = true; });
    panelBox.addEventListener('click', function (e) {
      var t = e.target;
      if (t.tagName !== 'circle' || !t.hasAttribute('data-i')) return;
      var key = t.getAttribute('data-set') + ':' + t.getAttribute('data-i');
      if (picked[key]) delete picked[key]; else picked[key] = true;
      draw();
    });
    slider.addEventListener('input', function () { frame = +slider.value; draw(); });
    play.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = '▶ play'; return; }
      if (frame === frames.length - 1) frame = 0;
      play.textContent = '❚❚ pause';
      timer = setInterval(function () {
        if (frame >= frames.length - 1) { clearInterval(timer); timer = null; play.textContent = '▶ play'; return; }
        frame++;
        draw();
      }, 500);
      draw();
    });
    root.hidden = false;
    draw();
  }

  var blocks = document.querySelectorAll('script.explorer-data');
  for (var b = 0; b < blocks.length; b++) {
    var root = blocks[b].previousElementSibling;
    if (root && root.classList.contains('explorer')) build(root, JSON.parse(blocks[b].textContent));
  }
})();
