// Package eum implements Bueno de Mesquita's expected utility model (EUM) of
// group bargaining on one issue dimension, as described in
//
//   - B. Bueno de Mesquita (1994), "Political forecasting: an expected utility
//     method", in Bueno de Mesquita & Stokman (eds.), European Community
//     Decision Making, Yale University Press, pp. 71-104;
//   - B. Bueno de Mesquita (2002), Predicting Politics, Ohio State University
//     Press;
//
// and as replicated by J. B. Scholz, G. J. Calbert & G. A. Smith (2011),
// "Unravelling Bueno De Mesquita's group decision model", Journal of
// Theoretical Politics 23(4), 510-531. Public re-implementations of the
// Scholz replication (D. Masad's BDM_DecisionModel_Replication and other
// Python ports) were read to cross-check the formulas; no code was copied.
//
// One round of the model:
//
//  1. Votes. Actor k casts v_k(i,j) = c_k s_k (|x_k - x_j| - |x_k - x_i|) / R
//     votes for i's position over j's (R is the scale's range, or the
//     spread of positions with Range = "positions"). The forecast
//     outcome mu is the position that wins every pairwise vote, the weighted
//     median (Votes; Options.Forecast).
//  2. Probability of success. P_ij = sum_k max(0, v_k(i,j)) / sum_k |v_k(i,j)|
//     (Probability).
//  3. Utilities, with distances d normalised by R and risk exponent r_i:
//     U_s = 2 - 4(0.5 - 0.5 d_ij)^r, U_f = 2 - 4(0.5 + 0.5 d_ij)^r,
//     U_b = 2 - 4(0.5 - 0.25(d_i,mu + d_ij))^r, U_w = 2 - 4(0.5 + 0.25(d_i,mu + d_ij))^r,
//     U_sq = 2 - 4(0.5)^r (BasicUtilities).
//  4. Expected utility of i challenging j:
//     EU_i(ij) = s_j [P_ij U_s + (1 - P_ij) U_f] + (1 - s_j) U_s
//     - Q U_sq - (1 - Q)[T U_b + (1 - T) U_w] (ExpectedUtility).
//     s_j is the chance that j resists; Q the chance the status quo holds if
//     i does not challenge; T the chance that, if it does not hold, things
//     get better for i.
//  5. Risk. An actor's danger (the inverse of its security level) is
//     sum_{j != i} EU_j(ji) computed with r = 1; R_i = (2 danger_i - max -
//     min) / (max - min) and r_i = (1 - R_i/3) / (1 + R_i/3), so r_i runs
//     from 0.5 (risk acceptant) to 2 (risk averse) (RiskAttitude,
//     RiskExponent).
//  6. Offers. For each pair, from i's point of view (a = EU_i(ij), b = EU_j(ji)):
//     b > a > 0 is a conflict i loses (i moves to x_j); a < 0 < b with
//     |a| < b is a compromise (i moves the fraction |a|/b of the way to x_j);
//     a < 0 < b with |a| >= b is a capitulation (i moves to x_j) (Classify).
//  7. Each actor accepts one offer, by default the one that moves it the
//     least (equal moves in opposite directions go to the proposer that
//     expects more from its offer, so that neither end of the scale is
//     favoured); all actors move at once; the round's forecast is
//     recomputed.
//  8. Stop when no position moves more than Tolerance x R (or, with the
//     outcome rule, when the forecast stops moving), or after MaxRounds.
//
// Where the sources disagree the choice is an Option, documented on its
// field: the status-quo probability Q (1 in Scholz et al.; 1 or 0.5 in
// BDM's own applications), the forecast (weighted median in BDM 1994 and
// Scholz et al., weighted mean in BDM's later model), the risk estimate
// (Scholz et al. compare an actor's danger with every other actor's; BDM's
// text can be read as comparing it across the positions the actor could
// have held), whose risk exponent an actor uses to judge a rival's expected
// utility, which offer an actor accepts, the probability denominator and
// the stopping rule. The defaults follow Scholz et al. (2011) except the
// stopping rule, whose default (forecast stable for 5 rounds) is ours.
package eum
