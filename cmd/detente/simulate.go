package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/examples"
	"github.com/detente-project/detente/internal/sim"
	"github.com/detente-project/detente/internal/sim/eum"
	"github.com/detente-project/detente/internal/sim/plot"
	"github.com/detente-project/detente/internal/sim/scenario"
	"github.com/detente-project/detente/internal/sim/smp"
)

func init() {
	rootCmd.AddCommand(newSimulateCmd())
	serveSimulate = simulateBundled
}

// simulateBundled runs every model on the bundled scenario, for the
// dashboard's /api/simulate.
func simulateBundled(ctx context.Context) (any, error) {
	sc, err := scenario.LoadFS(examples.FS, examples.Scenario)
	if err != nil {
		return nil, err
	}
	return sim.Run(ctx, sc, sim.Options{})
}

// simulateOptions are the flags of `detente simulate`.
type simulateOptions struct {
	model, format, plot string
	runs, workers       int
	noise               float64
	seed                uint64
	shocks, remove      []string
	noScenarioShocks    bool
	eum                 eum.Options
	smp                 smp.Options
}

// newSimulateCmd builds `detente simulate`.
func newSimulateCmd() *cobra.Command {
	o := simulateOptions{eum: eum.DefaultOptions(), smp: smp.DefaultOptions()}
	cmd := &cobra.Command{
		Use:   "simulate [FILE]",
		Short: "Forecast a bargaining scenario with the expected utility model, KTAB's SMP and baselines",
		Long: `simulate reads a scenario (YAML, or a CSV table actor,capability,position,salience)
and forecasts where each issue settles with Bueno de Mesquita's expected utility
model (eum), KTAB's spatial model of politics (smp: actors challenge the rival
they expect most from and strike bargains until positions settle) and three
baselines: the capability x salience weighted mean, the weighted median
(median voter) and the Nash bargaining solution (nbs).
Without FILE it runs the bundled scenario examples/iran-us.yaml.

A CSV scenario (FILE ending in .csv) has one issue and a row per actor:
actor,capability,position,salience, with an optional header that may add the
columns risk, group (or faction) and notes; lines starting with # are comments.
A comment line "# scale: MIN MAX" sets the issue's scale; without it the scale
is taken from the data: it runs from the lowest position given to the highest.

--runs N perturbs the inputs N times (--noise, --seed) and reports the
distribution of outcomes. --shock 'ACTOR.FIELD[@ISSUE]=VALUE' (FIELD: position,
salience, capability, risk) and --remove ACTOR run a what-if beside the
baseline; shocks written in the scenario are always compared too unless
--no-scenario-shocks.`,
		Example: `  detente simulate
  detente simulate examples/iran-us.yaml --model eum --plot eum.svg
  detente simulate examples/iran-us.yaml --model smp --plot smp.svg
  detente simulate examples/iran-us.yaml --runs 1000 --noise 0.1 --seed 7
  detente simulate examples/iran-us.yaml --shock 'khamenei.position@talks=60' --remove israel
  detente simulate examples/iran-us-talks.csv --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulate(cmd.Context(), args, o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.model, "model", "all", "model(s): eum, smp, mean, median, nbs or all (comma-separated)")
	f.StringVar(&o.format, "format", "table", "output format: table or json")
	f.StringVar(&o.plot, "plot", "", "draw trajectories (EUM if it ran, else the first model) to this .svg or .png file")
	f.IntVar(&o.runs, "runs", 0, "Monte Carlo runs over perturbed inputs (0 = none)")
	f.Float64Var(&o.noise, "noise", 0.1, "Monte Carlo noise: position sd as a fraction of the scale, salience sd, log-capability sd")
	f.Uint64Var(&o.seed, "seed", 1, "Monte Carlo random seed")
	f.IntVar(&o.workers, "workers", 0, "Monte Carlo workers (0 = all cores)")
	f.StringArrayVar(&o.shocks, "shock", nil, "what-if change ACTOR.FIELD[@ISSUE]=VALUE (repeatable)")
	f.StringArrayVar(&o.remove, "remove", nil, "what-if: remove this actor (repeatable)")
	f.BoolVar(&o.noScenarioShocks, "no-scenario-shocks", false, "skip the shocks written in the scenario")
	f.Float64Var(&o.eum.Q, "eum-q", o.eum.Q, "EUM: probability Q that the status quo holds (Scholz et al.: 1; other BDM work: 0.5)")
	f.Float64Var(&o.eum.T, "eum-t", o.eum.T, "EUM: probability T that a changed status quo favours the actor")
	f.StringVar(&o.eum.Forecast, "eum-forecast", o.eum.Forecast, "EUM forecast: median (BDM 1994) or mean (BDM 2002)")
	f.StringVar(&o.eum.Risk, "eum-risk", o.eum.Risk, "EUM risk: scholz, positions or neutral")
	f.StringVar(&o.eum.Perspective, "eum-perspective", o.eum.Perspective, "EUM: own or perceiver risk exponent for a rival's expected utility")
	f.StringVar(&o.eum.Selection, "eum-selection", o.eum.Selection, "EUM offer choice: least-move or strongest")
	f.StringVar(&o.eum.Denominator, "eum-denominator", o.eum.Denominator, "EUM probability denominator: pair or all")
	f.StringVar(&o.eum.Stop, "eum-stop", o.eum.Stop, "EUM stopping rule: outcome or positions")
	f.StringVar(&o.eum.Range, "eum-range", o.eum.Range, "EUM distance normaliser: scale or positions (spread of initial positions)")
	f.IntVar(&o.eum.MaxRounds, "eum-max-rounds", o.eum.MaxRounds, "EUM: most rounds to play")
	f.StringVar(&o.smp.Forecast, "smp-forecast", o.smp.Forecast, "SMP forecast: mean (expected position) or mode (most likely position)")
	f.StringVar(&o.smp.Risk, "smp-risk", o.smp.Risk, "SMP risk attitudes: inferred (KTAB) or neutral")
	f.IntVar(&o.smp.MaxRounds, "smp-max-rounds", o.smp.MaxRounds, "SMP: most rounds to play")
	return cmd
}

// runSimulate loads the scenario, runs the models and writes the report.
func runSimulate(ctx context.Context, args []string, o simulateOptions, w io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.format != "table" && o.format != "json" {
		return fmt.Errorf("simulate: --format %q: want table or json", o.format)
	}
	sc, err := loadSimScenario(args)
	if err != nil {
		return err
	}
	opts := sim.Options{Runs: o.runs, Noise: o.noise, Seed: o.seed, Workers: o.workers,
		NoScenarioShocks: o.noScenarioShocks, EUM: &o.eum, SMP: &o.smp, AllOffers: o.format == "json"}
	if o.model != "all" {
		opts.Models = strings.Split(o.model, ",")
	}
	if opts.WhatIf, err = simWhatIf(sc, o.shocks, o.remove); err != nil {
		return err
	}
	rep, err := sim.Run(ctx, sc, opts)
	if err != nil {
		return fmt.Errorf("simulate %s: %w", sc.File, err)
	}
	if o.plot != "" {
		if err := plot.Save(rep, simPlotModel(rep), o.plot); err != nil {
			return err
		}
	}
	if o.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteTable(w)
}

// loadSimScenario reads FILE, or the bundled scenario without one.
func loadSimScenario(args []string) (*scenario.Scenario, error) {
	if len(args) == 0 {
		return scenario.LoadFS(examples.FS, examples.Scenario)
	}
	return scenario.Load(args[0])
}

// simWhatIf turns --shock and --remove flags into a variation and checks
// it against the scenario, naming the flag at fault.
func simWhatIf(sc *scenario.Scenario, shocks, remove []string) (*scenario.Variation, error) {
	if len(shocks) == 0 && len(remove) == 0 {
		return nil, nil
	}
	v := &scenario.Variation{Name: "command line", Remove: remove}
	for _, s := range shocks {
		c, err := scenario.ParseChange(s)
		if err != nil {
			return nil, fmt.Errorf("--shock: %w", err)
		}
		v.Changes = append(v.Changes, c)
	}
	cul, err := sc.Check(*v)
	switch {
	case err == nil:
		return v, nil
	case cul.Field == "set":
		return nil, fmt.Errorf("--shock %q: %w", shocks[cul.Index], err)
	case cul.Field == "remove":
		return nil, fmt.Errorf("--remove %q: %w", remove[cul.Index], err)
	}
	return nil, fmt.Errorf("--shock/--remove together: %w", err)
}

// simPlotModel plots EUM when it ran, else the first model.
func simPlotModel(rep *sim.Report) string {
	for _, m := range rep.Models {
		if m.Model == "eum" {
			return m.Model
		}
	}
	return rep.Models[0].Model
}
