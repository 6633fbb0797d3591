// Draws every chart on the page. Each chart is a <figure class="chart"> holding its Vega-Lite spec as JSON in a
// <script type="application/json"> block (which browsers never execute, so the CSP needs no 'unsafe-inline') and a
// data table alternative. Vega's expressions run through its interpreter, so the CSP needs no 'unsafe-eval' either.
// With JavaScript off, or if drawing fails, the table stays visible: nobody loses the numbers.
import { expressionInterpreter } from './vega-interpreter.js';

function draw(figure) {
  const specBlock = figure.querySelector('script[type="application/json"].chart-spec');
  const target = figure.querySelector('.chart-canvas');
  if (!specBlock || !target || typeof vegaEmbed !== 'function') return Promise.resolve();
  const spec = JSON.parse(specBlock.textContent);
  return vegaEmbed(target, spec, {
    renderer: 'svg',
    actions: false,
    ast: true,
    expr: expressionInterpreter,
    defaultStyle: false,
    tooltip: true,
  }).then(() => {
    figure.classList.add('chart-drawn');
    const svg = target.querySelector('svg');
    if (svg) {
      // The figure's caption and description already name the chart for assistive technology.
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('focusable', 'false');
    }
  }).catch((error) => {
    figure.classList.add('chart-failed');
    console.error('Chart could not be drawn', error);
  });
}

const figures = Array.from(document.querySelectorAll('figure.chart'));
Promise.all(figures.map(draw)).then(() => document.documentElement.setAttribute('data-charts-ready', 'true'));
