// Runs umap-js (TensorBoard's UMAP library) on a TSV of points for bench/umap_vs_umapjs.py:
//   NODE_PATH=DIR/node_modules node umap_js_run.js IN.tsv OUT.tsv EPOCHS SEED
// Prints "time: S s" for the fit alone (the kNN search, the graph and the epochs), not the
// reading and writing.
'use strict';
const fs = require('fs');
const { UMAP } = require('umap-js');

const [input, output, epochs, seed] = process.argv.slice(2);
const data = fs.readFileSync(input, 'utf8').split('\n').filter((line) => line.length > 0)
    .map((line) => line.split('\t').map(Number));

// mulberry32: a seeded stream, so that runs can be repeated.
let state = Number(seed) >>> 0;
function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const umap = new UMAP({ nComponents: 2, nNeighbors: 15, minDist: 0.1, nEpochs: Number(epochs), random });
const began = process.hrtime.bigint();
const layout = umap.fit(data);
const seconds = Number(process.hrtime.bigint() - began) / 1e9;
fs.writeFileSync(output, layout.map((row) => row.join('\t')).join('\n') + '\n');
console.log(`time: ${seconds.toFixed(3)} s`);
