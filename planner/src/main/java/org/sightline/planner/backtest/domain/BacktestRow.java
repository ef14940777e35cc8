package org.sightline.planner.backtest.domain;

/**
 * One method's score on the test months: hit rate (share of test crimes inside the cameras'
 * coverage), PAI (hit rate ÷ share of the study area covered), PEI (hit rate ÷ the best hit rate
 * any set of grid cells of the same area could have had) and the covered area.
 */
public record BacktestRow(String method, int cameras, double hitRate, double pai, double pei, double coveredAreaKm2) {
}
