// Monthly report charts (ECharts). The figures come from the data-report attribute of #report-data; every
// figure is also in the page's tables, so the page reads the same without JavaScript.
(function () {
    'use strict';

    var holder = document.getElementById('report-data');
    if (!holder || typeof echarts === 'undefined') {
        return;
    }

    var data;
    try {
        data = JSON.parse(holder.getAttribute('data-report') || '{}');
    } catch (e) {
        return;
    }

    var printButton = document.getElementById('print-report');
    if (printButton) {
        printButton.hidden = false;
        printButton.addEventListener('click', function () { window.print(); });
    }

    var charts = [];

    function draw(id, option) {
        var element = document.getElementById(id);
        if (!element) {
            return;
        }

        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.on('finished', function () { element.setAttribute('data-rendered', 'true'); });
        option.animation = false;
        chart.setOption(option);
        charts.push(chart);
    }

    function percentAxis() {
        return { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
    }

    function pie(items) {
        return {
            tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
            legend: { bottom: 0 },
            // Centred above the legend so that the labels of the lowest slices do not run into it.
            series: [{ type: 'pie', center: ['50%', '45%'], radius: ['30%', '56%'], data: items, label: { formatter: '{b}\n{d}%' } }]
        };
    }

    var trend = data.trend || { months: [] };
    draw('chart-trend', {
        tooltip: { trigger: 'axis' },
        legend: { data: ['受理', '有效投诉'] },
        grid: { left: 40, right: 16, bottom: 30, top: 36 },
        xAxis: { type: 'category', data: trend.months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
            { name: '受理', type: 'bar', data: trend.received },
            { name: '有效投诉', type: 'line', data: trend.effective }
        ]
    });

    draw('chart-rates', {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + '%'; } },
        legend: { data: ['处理及时率', '满意率'] },
        grid: { left: 48, right: 16, bottom: 30, top: 36 },
        xAxis: { type: 'category', data: trend.months },
        yAxis: percentAxis(),
        series: [
            { name: '处理及时率', type: 'line', data: trend.onTimeRate, connectNulls: false },
            { name: '满意率', type: 'line', data: trend.satisfactionRate, connectNulls: false }
        ]
    });

    draw('chart-types', pie(data.types || []));
    draw('chart-severity', pie(data.severities || []));

    var topics = (data.topics || []).slice().reverse();
    draw('chart-topics', {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 90, right: 16, bottom: 24, top: 8 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: topics.map(function (t) { return t.name; }) },
        series: [{ type: 'bar', data: topics.map(function (t) { return t.value; }) }]
    });

    window.addEventListener('resize', function () {
        charts.forEach(function (c) { c.resize(); });
    });
    window.addEventListener('beforeprint', function () {
        charts.forEach(function (c) { c.resize(); });
    });
}());
