// 统计分析: each chart is drawn from the table below it (charts.js); this file knows the dashboard's kinds
// of chart: horizontal bars, a ring, and the working days per stage.
(function () {
    "use strict";
    const base = window.SafeHarborCharts;
    if (!base) { return; }
    const theme = base.theme;
    const font = base.font;
    // The unit a count is read in (data-unit on the chart): 件 for cases unless the panel says otherwise.
    function suffix(unit) { return unit ? " " + unit : ""; }

    function horizontalBar(rows, axisName, unit) {
        // Longest category at the top: ECharts draws the first category at the bottom.
        const data = rows.slice().reverse();
        return {
            textStyle: { fontFamily: font },
            tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) { return v + suffix(unit); } },
            grid: { left: 8, right: 48, top: 28, bottom: 28, containLabel: true },
            xAxis: { type: "value", name: axisName, nameLocation: "middle", nameGap: 26, minInterval: 1 },
            yAxis: { type: "category", data: data.map(function (r) { return r.label; }), axisTick: { show: false } },
            series: [{
                type: "bar",
                data: data.map(function (r) { return r.value; }),
                itemStyle: { color: theme },
                barMaxWidth: 22,
                label: { show: true, position: "right", formatter: "{c}" },
            }],
        };
    }

    function pie(rows, unit) {
        const data = rows.filter(function (r) { return r.value > 0; });
        return {
            baseOption: {
                textStyle: { fontFamily: font },
                tooltip: { trigger: "item", formatter: "{b}：{c}" + suffix(unit) + "（{d}%）" },
                legend: { bottom: 0, type: "scroll" },
                series: [{
                    type: "pie",
                    radius: ["35%", "62%"],
                    center: ["50%", "45%"],
                    avoidLabelOverlap: true,
                    label: { formatter: "{b}\n{c}" + suffix(unit) + "（{d}%）" },
                    data: data.map(function (r) { return { name: r.label, value: r.value, itemStyle: r.color ? { color: r.color } : undefined }; }),
                }],
            },
            // On a phone the names stay in the legend; the slices carry only the numbers.
            media: [{
                query: { maxWidth: 480 },
                option: {
                    legend: { type: "plain", bottom: 0 },
                    series: [{ radius: ["32%", "62%"], center: ["50%", "42%"], label: { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" } }],
                },
            }],
        };
    }

    function stages(rows, axisName) {
        // Horizontal, like the other bar charts, so the stage names stay whole on a phone.
        const data = rows.slice().reverse();
        return {
            textStyle: { fontFamily: font },
            tooltip: {
                trigger: "axis",
                axisPointer: { type: "shadow" },
                formatter: function (items) {
                    const r = data[items[0].dataIndex];
                    return r.label + "\n平均 " + (r.value === null ? "—" : r.value + " 个工作日") + "（" + r.cases + " 件）";
                },
            },
            grid: { left: 8, right: 72, top: 28, bottom: 28, containLabel: true },
            xAxis: { type: "value", name: axisName, nameLocation: "middle", nameGap: 26 },
            yAxis: { type: "category", data: data.map(function (r) { return r.label; }), axisTick: { show: false } },
            series: [{
                type: "bar",
                data: data.map(function (r) { return r.value; }),
                itemStyle: { color: theme },
                barMaxWidth: 22,
                label: {
                    show: true,
                    position: "right",
                    formatter: function (p) { const r = data[p.dataIndex]; return r.value === null ? "" : r.value + "（" + r.cases + " 件）"; },
                },
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
        const unit = el.dataset.unit === undefined ? "件" : el.dataset.unit;
        switch (el.dataset.chart) {
            case "hbar":
                el.style.height = Math.max(200, rows.length * 28 + 70) + "px";
                base.mount(el, horizontalBar(rows, el.dataset.axis, unit));
                break;
            case "pie":
                base.mount(el, pie(rows, unit));
                break;
            case "stages":
                el.style.height = Math.max(200, rows.length * 36 + 70) + "px";
                base.mount(el, stages(rows, el.dataset.axis));
                break;
        }
    }

    document.querySelectorAll("[data-chart]").forEach(draw);
})();
