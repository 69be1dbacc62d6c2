// 防错分析: each chart is drawn from the table below it (charts.js); a flagged value (data-flagged) is
// drawn in red. Without JavaScript the tables and the highlighted rows remain. The threshold forms show only the
// value selects their dimension uses.
(function () {
    "use strict";

    document.querySelectorAll("[data-threshold-form]").forEach(function (form) {
        const dimension = form.querySelector("[data-threshold-dimension]");
        if (!dimension) { return; }
        function sync() {
            form.querySelectorAll("[data-threshold-field]").forEach(function (field) {
                const uses = field.dataset.thresholdField.split(" ").indexOf(dimension.value) >= 0;
                field.hidden = !uses;
                field.querySelectorAll("select").forEach(function (s) { s.disabled = !uses; });
            });
        }
        dimension.addEventListener("change", sync);
        sync();
    });

    const base = window.SafeHarborCharts;
    if (!base) { return; }
    const normal = "#5b7083";
    const flagged = "#b71c1c";
    const theme = base.theme;
    const font = base.font;

    function horizontalBar(rows) {
        // The largest at the top: ECharts draws the first category at the bottom.
        const data = rows.slice().reverse();
        return {
            textStyle: { fontFamily: font },
            tooltip: {
                trigger: "axis",
                axisPointer: { type: "shadow" },
                formatter: function (items) {
                    const r = data[items[0].dataIndex];
                    return r.label + "：" + r.value + " 件" + (r.flagged ? "（达到预警阈值）" : "");
                },
            },
            grid: { left: 8, right: 40, top: 16, bottom: 28, containLabel: true },
            xAxis: { type: "value", name: "案件数（件）", nameLocation: "middle", nameGap: 26, minInterval: 1 },
            yAxis: { type: "category", data: data.map(function (r) { return r.label; }), axisTick: { show: false } },
            series: [{
                type: "bar",
                data: data.map(function (r) { return { value: r.value, itemStyle: { color: r.flagged ? flagged : normal } }; }),
                barMaxWidth: 22,
                label: { show: true, position: "right", formatter: "{c}" },
            }],
        };
    }

    function column(rows) {
        return {
            textStyle: { fontFamily: font },
            tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) { return v + " 件"; } },
            grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
            xAxis: {
                type: "category",
                data: rows.map(function (r) { return r.label; }),
                axisLabel: { rotate: rows.length > 6 ? 45 : 0, interval: 0, formatter: function (v) { return v.replace(/^(\d{4})年/, "$1\n"); } },
            },
            yAxis: { type: "value", name: "案件数（件）", nameTextStyle: { align: "left" }, minInterval: 1 },
            dataZoom: rows.length > 24 ? [{ type: "inside", startValue: rows.length - 24, endValue: rows.length - 1 }, { type: "slider", height: 14, bottom: 0 }] : [],
            series: [{
                type: "bar",
                data: rows.map(function (r) { return r.value; }),
                itemStyle: { color: theme },
                barMaxWidth: 28,
                label: { show: true, position: "top", formatter: function (p) { return p.value > 0 ? p.value : ""; } },
            }],
        };
    }

    function draw(el) {
        const table = base.tableOf(el);
        if (!table) { return; }
        const rows = base.rowsOf(table);
        if (rows.length === 0 || rows.every(function (r) { return !r.value; })) {
            base.empty(el, "暂无数据");
            return;
        }
        if (el.dataset.preventionChart === "hbar") {
            el.style.height = Math.max(180, rows.length * 28 + 60) + "px";
            base.mount(el, horizontalBar(rows));
        } else if (el.dataset.preventionChart === "column") {
            base.mount(el, column(rows));
        }
    }

    document.querySelectorAll("[data-prevention-chart]").forEach(draw);
})();
