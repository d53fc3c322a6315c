/* A small line chart on a canvas: the last N prices of one code. No library. */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};

    function PriceChart(canvas, maxPoints) {
        this.canvas = canvas;
        this.max = maxPoints || 120;
        this.points = [];
    }

    PriceChart.prototype.add = function (price) {
        if (typeof price !== 'number' || !isFinite(price)) {
            return;
        }
        this.points.push(price);
        if (this.points.length > this.max) {
            this.points.shift();
        }
        this.draw();
    };

    PriceChart.prototype.draw = function () {
        var c = this.canvas, g = c.getContext('2d'), p = this.points;
        var w = c.width, h = c.height, pad = 40;
        g.clearRect(0, 0, w, h);
        g.fillStyle = '#fafafa';
        g.fillRect(0, 0, w, h);
        if (p.length === 0) {
            return;
        }
        var lo = Math.min.apply(null, p), hi = Math.max.apply(null, p);
        if (hi === lo) {
            hi = lo + 1;
        }
        g.fillStyle = '#555';
        g.font = '11px sans-serif';
        g.fillText(String(hi), 2, 12);
        g.fillText(String(lo), 2, h - 4);
        g.strokeStyle = '#1f4e9c';
        g.lineWidth = 2;
        g.beginPath();
        p.forEach(function (v, i) {
            var x = pad + (w - pad - 4) * (p.length === 1 ? 1 : i / (p.length - 1));
            var y = 6 + (h - 12) * (1 - (v - lo) / (hi - lo));
            if (i === 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        });
        g.stroke();
    };

    NS.PriceChart = PriceChart;
})(typeof globalThis !== 'undefined' ? globalThis : this);
