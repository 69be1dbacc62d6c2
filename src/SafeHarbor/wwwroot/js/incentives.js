// 年度关爱激励情况: the chart is drawn from the table below it (its data-value cells), so the chart and
// the table always show the same numbers. Units with no record are left out of the chart, not the table.
// Without JavaScript the table remains.
(function () {
    "use strict";
    const base = window.SafeHarborCharts;
    if (!base) { return; }
    const colors = { talks: base.theme, regular: "#f0a020", special: "#2e7d32", support: "#1565c0" };

    function seriesOf(table) {
        return Array.from(table.tHead.querySelectorAll("th[data-series]")).map(function (th) {
            return { key: th.dataset.series, name: th.textContent.replace(/（.*）/, "").trim() };
        });
    }

    function rowsOf(table, series) {
        return Array.from(table.tBodies[0].rows)
            .map(function (tr) {
                const values = {};
                series.forEach(function (s) {
                    const cell = tr.querySelector('[data-value="' + s.key + '"]');
                    values[s.key] = cell ? Number(cell.textContent.trim()) || 0 : 0;
                });
                const label = tr.querySelector("[data-label]");
                return {
                    label: label ? label.textContent.trim() : tr.querySelector("th").textContent.trim(),
                    frontLine: tr.dataset.frontLine === "true",
                    values: values,
                };
            })
            .filter(function (r) { return series.some(function (s) { return r.values[s.key] > 0; }); });
    }

    function draw(el) {
        const table = base.tableOf(el);
        if (!table) { return; }
        const series = seriesOf(table);
        const rows = rowsOf(table, series);
        if (rows.length === 0) {
            base.empty(el, "本年度暂无记录");
            return;
        }
        // The first unit of the table at the top: ECharts draws the first category at the bottom.
        const data = rows.slice().reverse();
        el.style.height = Math.max(220, data.length * 34 + 90) + "px";
        base.mount(el, {
            textStyle: { fontFamily: base.font },
            tooltip: {
                trigger: "axis",
                axisPointer: { type: "shadow" },
                formatter: function (items) {
                    const r = data[items[0].dataIndex];
                    return r.label + (r.frontLine ? "（一线执法单位）" : "") + "\n" + items.map(function (i) {
                        return i.marker + i.seriesName + "：" + i.value;
                    }).join("\n");
                },
            },
            legend: { top: 0, type: "scroll" },
            grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
            xAxis: { type: "value", name: "次 / 项", nameLocation: "middle", nameGap: 26, minInterval: 1 },
            yAxis: {
                type: "category",
                axisTick: { show: false },
                data: data.map(function (r) { return r.frontLine ? "★ " + r.label : r.label; }),
            },
            series: series.map(function (s) {
                return {
                    name: s.name,
                    type: "bar",
                    stack: "all",
                    barMaxWidth: 22,
                    itemStyle: { color: colors[s.key] },
                    label: { show: true, formatter: function (p) { return p.value > 0 ? p.value : ""; } },
                    data: data.map(function (r) { return r.values[s.key]; }),
                };
            }),
        });
    }

    document.querySelectorAll("[data-incentive-chart]").forEach(draw);
})();
