// What every chart page shares (统计分析, 防错分析, 关爱激励情况): each chart is drawn from the accessible
// table below it, so the chart and the table always show the same numbers, and without JavaScript the
// tables remain. Charts are SVG (clean when printed), follow their own box, and narrow to A4 for printing.
window.SafeHarborCharts = (function () {
    "use strict";
    if (typeof echarts === "undefined") { return null; }

    const charts = [];
    const observer = typeof ResizeObserver === "function"
        ? new ResizeObserver(function (entries) {
            entries.forEach(function (entry) {
                const chart = echarts.getInstanceByDom(entry.target);
                if (chart) { chart.resize(); }
            });
        })
        : null;

    function resizeAll(width) {
        charts.forEach(function (c) { c.resize(width ? { width: width } : undefined); });
    }

    if (!observer) {
        let pending;
        window.addEventListener("resize", function () {
            clearTimeout(pending);
            pending = setTimeout(function () { resizeAll(); }, 150);
        });
    }
    // A4 portrait leaves about 170 mm (≈ 640 CSS px) for a chart; back to the screen size afterwards.
    window.addEventListener("beforeprint", function () { resizeAll(640); });
    window.addEventListener("afterprint", function () { resizeAll(); });

    return {
        theme: "#8b1a1a",
        font: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',

        // The table a chart element names in data-table, or null.
        tableOf: function (el) { return document.getElementById(el.dataset.table); },

        // A table's body rows that carry a data-value cell: the row header (badges left out), the value,
        // and what the row says of itself (data-cases, data-color, data-flagged).
        rowsOf: function (table) {
            return Array.from(table.tBodies[0].rows)
                .filter(function (tr) { return tr.querySelector("[data-value]"); })
                .map(function (tr) {
                    const th = tr.querySelector("th").cloneNode(true);
                    th.querySelectorAll(".badge").forEach(function (b) { b.remove(); });
                    const valueCell = tr.querySelector("[data-value]");
                    const casesCell = tr.querySelector("[data-cases]");
                    return {
                        label: th.textContent.trim(),
                        value: valueCell.dataset.value === "" ? null : Number(valueCell.dataset.value),
                        cases: casesCell ? Number(casesCell.dataset.cases) : null,
                        color: tr.dataset.color || null,
                        flagged: tr.dataset.flagged === "true",
                    };
                });
        },

        // In place of a chart with nothing to draw.
        empty: function (el, text) {
            el.style.height = "auto";
            el.style.minHeight = "0";
            el.innerHTML = '<p class="text-muted small my-3">' + text + "</p>";
        },

        // Draws the option in the element and keeps the chart sized with its box and for printing. Tooltips are drawn
        // as chart text, not HTML: the Content-Security-Policy allows no inline style (ECharts' HTML tooltip uses it),
        // and a name from the table cannot become markup. Their formatters break lines with "\n".
        mount: function (el, option) {
            const animation = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
            const base = option.baseOption || option;
            base.animation = animation;
            if (base.tooltip) { base.tooltip.renderMode = "richText"; }
            const chart = echarts.init(el, null, { renderer: "svg", locale: "ZH" });
            chart.setOption(option);
            charts.push(chart);
            if (observer) { observer.observe(el); }
            return chart;
        },
    };
})();
