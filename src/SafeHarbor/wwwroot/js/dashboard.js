// 统计分析: each chart is drawn from the accessible table below it (its data-value cells), so the
// chart and the table always show the same numbers. Without JavaScript the tables remain.
(function () {
    "use strict";
    if (typeof echarts === "undefined") { return; }

    const theme = "#8b1a1a";
    const font = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
    const charts = [];

    function rowsOf(table) {
        return Array.from(table.tBodies[0].rows)
            .filter(function (tr) { return tr.querySelector("[data-value]"); })
            .map(function (tr) {
                const valueCell = tr.querySelector("[data-value]");
                const casesCell = tr.querySelector("[data-cases]");
                return {
                    label: tr.querySelector("th").textContent.trim(),
                    value: valueCell.dataset.value === "" ? null : Number(valueCell.dataset.value),
                    cases: casesCell ? Number(casesCell.dataset.cases) : null,
                    color: tr.dataset.color || null,
                };
            });
    }

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
                    return r.label + "<br>平均 " + (r.value === null ? "—" : r.value + " 个工作日") + "（" + r.cases + " 件）";
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
        const table = document.getElementById(el.dataset.table);
        if (!table) { return; }
        const rows = rowsOf(table);
        if (rows.length === 0 || rows.every(function (r) { return !r.value; })) {
            el.style.height = "auto";
            el.innerHTML = '<p class="text-muted small my-3">暂无数据</p>';
            return;
        }
        let option;
        const unit = el.dataset.unit === undefined ? "件" : el.dataset.unit;
        switch (el.dataset.chart) {
            case "hbar":
                el.style.height = Math.max(200, rows.length * 28 + 70) + "px";
                option = horizontalBar(rows, el.dataset.axis, unit);
                break;
            case "pie":
                option = pie(rows, unit);
                break;
            case "stages":
                el.style.height = Math.max(200, rows.length * 36 + 70) + "px";
                option = stages(rows, el.dataset.axis);
                break;
            default:
                return;
        }
        // SVG scales cleanly when printed.
        const chart = echarts.init(el, null, { renderer: "svg", locale: "ZH" });
        const animation = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        if (option.baseOption) {
            option.baseOption.animation = animation;
        } else {
            option.animation = animation;
        }
        chart.setOption(option);
        charts.push(chart);
    }

    function resizeAll(width) {
        charts.forEach(function (c) { c.resize(width ? { width: width } : undefined); });
    }

    document.querySelectorAll("[data-chart]").forEach(draw);

    // Follow the chart's own box (window size, Bootstrap columns, fonts arriving late).
    if (typeof ResizeObserver === "function") {
        const observer = new ResizeObserver(function (entries) {
            entries.forEach(function (entry) {
                const chart = echarts.getInstanceByDom(entry.target);
                if (chart) { chart.resize(); }
            });
        });
        charts.forEach(function (c) { observer.observe(c.getDom()); });
    } else {
        let pending;
        window.addEventListener("resize", function () {
            clearTimeout(pending);
            pending = setTimeout(function () { resizeAll(); }, 150);
        });
    }
    // A4 portrait leaves about 170 mm (≈ 640 CSS px) for the chart; back to the screen size afterwards.
    window.addEventListener("beforeprint", function () { resizeAll(640); });
    window.addEventListener("afterprint", function () { resizeAll(); });
    document.querySelectorAll("[data-dashboard-print]").forEach(function (b) {
        b.addEventListener("click", function () { window.print(); });
    });
})();
