package io.kisbridge.bridge.workbook.internal;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A native Excel chart over a history sheet: volume as columns on the primary (left) axis and close as a line on a
 * secondary (right) axis sharing the date categories. POI's XDDF has no stock (OHLC/candlestick) chart type, so
 * the price is the close line.
 */
public final class HistoryChart {
    private HistoryChart() {
    }

    public static XSSFChart add(XSSFSheet sheet, String code, int rows, List<String> columns) {
        int dateCol = columns.indexOf("date");
        int closeCol = columns.indexOf("close");
        int volumeCol = columns.indexOf("volume");
        int right = columns.size() + 1;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, right, 1, right + 14, 24);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(code + " close and volume");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFDataSource<Double> dates = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, rows, dateCol, dateCol));
        XDDFNumericalDataSource<Double> close = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, rows, closeCol, closeCol));
        XDDFNumericalDataSource<Double> volume = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(1, rows, volumeCol, volumeCol));

        XDDFCategoryAxis barCategories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis volumeAxis = chart.createValueAxis(AxisPosition.LEFT);
        volumeAxis.setTitle("volume");
        volumeAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        volumeAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        barCategories.crossAxis(volumeAxis);
        volumeAxis.crossAxis(barCategories);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, barCategories, volumeAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.addSeries(dates, volume).setTitle("volume", null);
        chart.plot(bars);

        XDDFCategoryAxis lineCategories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        lineCategories.setVisible(false);
        XDDFValueAxis priceAxis = chart.createValueAxis(AxisPosition.RIGHT);
        priceAxis.setTitle("close");
        priceAxis.setCrosses(AxisCrosses.MAX);
        lineCategories.crossAxis(priceAxis);
        priceAxis.crossAxis(lineCategories);
        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, lineCategories, priceAxis);
        XDDFLineChartData.Series s = (XDDFLineChartData.Series) lines.addSeries(dates, close);
        s.setTitle("close", null);
        s.setMarkerStyle(MarkerStyle.NONE);
        s.setSmooth(false);
        chart.plot(lines);
        return chart;
    }
}
