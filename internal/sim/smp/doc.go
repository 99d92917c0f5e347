// Package smp implements the Spatial Model of Politics (SMP) of KAPSARC's
// Toolkit for Behavioral Analysis (KTAB) on one issue dimension.
//
// Sources. The rules follow KTAB's open-source C++ implementation (MIT
// licence, github.com/KAPSARC/KTAB; read from the lsyaseen/KTAB copy):
// examples/smp/libsrc/smp.cpp (utilities, risk inference, bargain
// interpolation, stopping rule), smpbcn.cpp (challenges and bargaining:
// SMPState::doBCN, probEduChlg, bestChallenge), smp.h (the model's default
// settings) and KTAB/kmodel/libsrc/kmodel.cpp (voting, coalitions, victory
// probabilities, probabilistic Condorcet elections, third-party votes).
// KTAB's design descends from the expected utility models of Bueno de
// Mesquita and from Abdollahian, Baranick, Efird & Kugler's Senturion
// (2006); B. Wise and L. Lumsdaine at KAPSARC documented it in the KTAB
// papers the code cites ("Markov Voting with Incentives in KTAB",
// "Pragmatic Affinity in KTAB"). We read those sources to learn the model
// and wrote this package from that understanding; no code was copied.
//
// Positions are mapped to [0, 1] (KTAB reads 0-100 and divides by 100).
// Each round (a KTAB "state" and its "step"):
//
//  1. Risk attitudes. Every actor values every position risk-neutrally,
//     u = 1 - d. A conditional probabilistic Condorcet election (PCE),
//     voted with capabilities, gives the chance p_i that each actor's
//     position prevails; R_i = (3 p_i - (p_max + 2 p_min)) / (2 (p_max -
//     p_min)) in [-0.5, 1] (RiskFromProbabilities). Likely winners are
//     risk averse. Actors' utilities are then U = (1 - d)(1 + d R)
//     (Utility), d being the distance from their current position (KTAB's
//     ideals track positions by default).
//  2. Challenges. Actor i looks at each rival j with the risk attitudes
//     it perceives, (2 R_i + R_a) / 3 for actor a (PerceivedRisk), and
//     estimates the probability P that it would beat j, counting its own,
//     j's and every third party's capability x salience weighted vote, and
//     its expected gain (1 - s_j) 2 U(i,i) + s_j [P 2 U(i,i) + (1 - P)
//     2 U(i,j)] - U(i,i) - U(i,j) (ChallengeValue). It challenges the j with
//     the largest gain, if that exceeds 1e-5.
//  3. Bargains. The challenger proposes that both move towards the mean of
//     their positions weighted by salience^2 x probability^2 (Interpolate).
//  4. Choice. Each actor weighs the status quo and every bargain it is
//     party to by the mean utility of the resulting positions to each
//     actor; a capability-weighted conditional PCE over those options picks
//     the most likely, and the actor moves accordingly. All move at once.
//  5. Forecast. A conditional PCE over the distinct positions (each actor
//     using its own risk attitude) gives each position's probability of
//     being the outcome; the forecast is their expected value (or the most
//     likely position, Options.Forecast).
//  6. Stop when the total movement in a round falls below 2% of the
//     movement in round 1 (after at least 2 rounds), or after 100 rounds.
//
// KTAB's choices and ours. KTAB makes most rules a setting; this package
// implements KTAB's defaults and leaves the alternatives out:
//
//   - Outcome probabilities: KTAB's default conditional PCE (P_i is the
//     normalised probability that option i beats every other) is used
//     everywhere. KTAB also offers "Markov uniform" (challenges arrive
//     uniformly and the probability distribution is the stationary point of
//     the resulting Markov chain) and "Markov incentive" (challenges arrive
//     in proportion to the coalition behind them times its chance of
//     success); neither is implemented.
//   - Victory probability: linear, P = C_1 / (C_1 + C_2) (KTAB also has
//     square, quartic, octic and binary laws). Voting rule: proportional,
//     w (u_a - u_b) (KTAB also has binary, cubic and mixed rules).
//   - Risk: KTAB's "mid" range [-0.5, 1] and "one third" perception rule.
//     Options.Risk = "neutral" sets R = 0. Actors with a risk attitude in
//     the scenario keep it, as R = -risk (the scenario's sign convention is
//     the reverse of KTAB's); this mapping is ours.
//   - Third parties: KTAB's "semi-committed" rule. Bargains: "S2P2"
//     interpolation, offered by the challenger only (KTAB's
//     InitOnlyInterp; it also has receiver and power-weighted variants).
//     State transitions: deterministic (KTAB can also draw them).
//   - Ideals track positions (KTAB's default identity "accommodation"
//     matrix), so actors judge every position from where they stand now.
//
// Where we guessed or simplified:
//
//   - KTAB gives no single forecast; the expected position under the
//     outcome probabilities (or their mode) is our summary.
//   - As in KTAB's code, the PCEs that set risk attitudes, choose bargains
//     and forecast weigh actors by capability alone, while challenges weigh
//     them by capability x salience.
//   - Capabilities are rescaled to mean 100 so that KTAB's small constants
//     (1e-8, 1e-10, 1e-6) keep their intended size and so that scaling all
//     capabilities changes nothing.
//   - KTAB rejects actors with zero weight; here they simply abstain.
//   - The PCE product is computed in logarithms (it underflows with many
//     actors); when all actors are equally likely to prevail, which KTAB
//     leaves as 0/0, everyone is risk neutral.
//   - Bargain positions are rounded to 4 decimals of [0, 1] as in KTAB, but
//     then clamped between the two actors' positions.
//   - Actors are processed in a canonical order (by position, salience,
//     capability, risk, name) so that ties are broken the same way whatever
//     order the scenario lists them in; KTAB breaks ties by input order.
//   - KTAB needs at least 3 actors; one or two work here (one never moves).
package smp
