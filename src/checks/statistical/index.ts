/** The statistical checks (category `statistical`): risk indicators in aggregate, each with its statistic, threshold, peer group and a small chart. */
export { communeOutlier } from './commune-outlier.js';
export { benfordDeviation } from './benford-deviation.js';
export { roundAmount, isRoundAmount } from './round-amount.js';
export { amountOutlier } from './amount-outlier.js';
export { payoutSpike, usualDailyCount } from './payout-spike.js';
export { nameCluster } from './name-cluster.js';
export { sharedContactCluster, addressKey } from './shared-contact-cluster.js';
export { digitTest, benfordShare, leadingDigits, conformityOf, NIGRINI_MAD, CONFORMITY_LABELS, type DigitTest, type DigitTestResult, type Conformity } from './benford.js';
export { barChart, benfordChart, smallChart, CHART_COLORS, MAX_CHART_CHARS, type Chart, type Bar } from './charts.js';
export { encodePng, crc32, Raster, PNG_SIGNATURE, type Rgba } from './png.js';
export { chiSquarePValue, poissonUpperTail, binomialUpperTail, lowerGammaRegularized } from './probability.js';
export { modifiedZ, peerStats, type PeerStats } from './robust.js';
export { viNumber, viProbability } from './format.js';
export { RISK_BASIS, statisticalCheck, type StatCheckSpec, type StatResult, type StatSettings } from './stat-check.js';
