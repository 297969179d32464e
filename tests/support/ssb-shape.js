/**
 * Builds JSON-stat 2.0 datasets in the exact shape of SSB's PxWebApi 2 responses
 * (label, source, updated, note, role, id/size, dimension with category index/label/unit,
 * extension.px.tableid, value, sparse status), from a cell function and a dimension order.
 * Used to write the committed fixtures and by tests that need other shapes. The numbers
 * put into it in this project are SYNTHETIC.
 */
"use strict";

const DIMENSION_LABELS = {
  KOKkommuneregion0000: "region",
  KOKfunksjon0000: "funksjon",
  KOKart0000: "art",
  ContentsCode: "statistikkvariabel",
  Tid: "år",
};

/**
 * @param {object} spec
 * @param {string} spec.table  SSB table id
 * @param {string} spec.title  table title
 * @param {string[]} spec.order  dimension ids in the order the response lists them
 * @param {Record<string, {codes: string[], labels?: Record<string,string>, units?: object}>} spec.dims
 * @param {(codes: Record<string,string>) => (number|null|{value:null,status:string})} spec.cell
 * @param {string[]} [spec.notes]
 */
function buildSsbDataset(spec) {
  const size = spec.order.map((d) => spec.dims[d].codes.length);
  const dimension = {};
  for (const id of spec.order) {
    const d = spec.dims[id];
    const index = {};
    const label = {};
    d.codes.forEach((c, i) => {
      index[c] = i;
      label[c] = (d.labels && d.labels[c]) || c;
    });
    const category = { index, label };
    if (d.units) category.unit = d.units;
    dimension[id] = { label: DIMENSION_LABELS[id] || id, category, extension: { elimination: false, show: "code_value" } };
  }
  const value = [];
  const status = {};
  const total = size.reduce((a, b) => a * b, 1);
  const pos = new Array(size.length).fill(0);
  for (let flat = 0; flat < total; flat++) {
    const codes = {};
    spec.order.forEach((d, k) => (codes[d] = spec.dims[d].codes[pos[k]]));
    const v = spec.cell(codes);
    if (v !== null && typeof v === "object") {
      value.push(null);
      status[String(flat)] = v.status;
    } else {
      value.push(v);
    }
    for (let k = size.length - 1; k >= 0; k--) {
      if (++pos[k] < size[k]) break;
      pos[k] = 0;
    }
  }
  const ds = {
    version: "2.0",
    class: "dataset",
    label: spec.title,
    source: "Statistisk sentralbyrå",
    updated: spec.updated || "2018-06-15T06:00:00Z",
    note: spec.notes || [],
    role: { time: ["Tid"], geo: ["KOKkommuneregion0000"], metric: ["ContentsCode"] },
    id: spec.order,
    size,
    dimension,
    extension: {
      px: { infofile: "None", tableid: spec.table, decimals: 0, "official-statistics": true, aggregallowed: false, language: "no", matrix: spec.matrix || `KOSTRA${spec.table}`, "subject-code": "al" },
      contact: [{ name: "Statistisk sentralbyrå", raw: "SSB" }],
    },
    value,
  };
  if (Object.keys(status).length) ds.status = status;
  return ds;
}

module.exports = { buildSsbDataset };
