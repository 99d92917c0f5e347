// Package plot draws the round-by-round position trajectories of a
// simulation report with gonum/plot, one panel per issue, to SVG or PNG.
package plot

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/detente-project/detente/internal/sim"
)

// Save draws the trajectories of model (usually "eum") in rep to path; the
// extension (.svg or .png) picks the format.
func Save(rep *sim.Report, model, path string) error {
	plots, err := Panels(rep, model)
	if err != nil {
		return err
	}
	w, h := 8*vg.Inch, vg.Length(len(plots))*4*vg.Inch
	var c interface {
		vg.CanvasSizer
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".svg":
		c = vgsvg.New(w, h)
	case ".png":
		c = vgimg.New(w, h)
	default:
		return fmt.Errorf("plot %s: want a .svg or .png file", path)
	}
	dc := draw.New(c)
	tiles := draw.Tiles{Rows: len(plots), Cols: 1, PadX: vg.Millimeter, PadY: 4 * vg.Millimeter}
	grid := make([][]*plot.Plot, len(plots))
	for i, p := range plots {
		grid[i] = []*plot.Plot{p}
	}
	canvases := plot.Align(grid, tiles, dc)
	for i, p := range plots {
		p.Draw(canvases[i][0])
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("plot: %w", err)
	}
	if ext == ".svg" {
		_, err = c.(*vgsvg.Canvas).WriteTo(f)
	} else {
		_, err = vgimg.PngCanvas{Canvas: c.(*vgimg.Canvas)}.WriteTo(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	return nil
}

// Panels builds one plot per issue: a line per actor over rounds and a
// dashed line for the model's forecast.
func Panels(rep *sim.Report, model string) ([]*plot.Plot, error) {
	var out []*plot.Plot
	for _, m := range rep.Models {
		if m.Model != model {
			continue
		}
		for _, is := range m.Issues {
			p, err := panel(m.Model, is)
			if err != nil {
				return nil, err
			}
			for _, def := range rep.Issues {
				if def.ID == is.Issue {
					p.Y.Min, p.Y.Max = def.Scale.Min, def.Scale.Max
				}
			}
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("plot: report has no %q results with rounds", model)
	}
	return out, nil
}

func panel(model string, is sim.IssueResult) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: %s", strings.ToUpper(model), is.Name)
	p.X.Label.Text = "round"
	p.Y.Label.Text = "position"
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = 7
	for k, a := range is.Actors {
		pts := make(plotter.XYs, len(is.Rounds))
		for i, r := range is.Rounds {
			pts[i] = plotter.XY{X: float64(r.Round), Y: r.Positions[a]}
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("plot %s: %w", a, err)
		}
		l.Color = plotutil.Color(k)
		l.Dashes = plotutil.Dashes(k / len(plotutil.DefaultColors))
		l.Width = vg.Points(1.5)
		p.Add(l)
		p.Legend.Add(a, l)
	}
	out := make(plotter.XYs, len(is.Rounds))
	for i, r := range is.Rounds {
		out[i] = plotter.XY{X: float64(r.Round), Y: r.Outcome}
	}
	l, err := plotter.NewLine(out)
	if err != nil {
		return nil, err
	}
	l.Color = color.Black
	l.Width = vg.Points(3)
	l.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
	p.Add(l)
	p.Legend.Add("forecast", l)
	// Leave the right-hand part of the panel empty for the legend.
	last := 1.0
	if n := len(is.Rounds); n > 0 {
		last = math.Max(1, float64(is.Rounds[n-1].Round))
	}
	p.X.Min, p.X.Max = 0, last*1.7
	return p, nil
}
