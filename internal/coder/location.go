package coder

import "strings"

// notPlaces are capitalised words that follow "in"/"at" without being places.
var notPlaces = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "spring": true, "summer": true, "autumn": true, "winter": true,
}

// location returns the place named in a locative phrase ("in Sharm
// El-Sheikh", "at Fordow", "near Baghdad airport"), preferring the first one
// after the head token, else the first in the sentence.
func (sn *sentence) location(head int) string {
	if l := sn.locationFrom(head + 1); l != "" {
		return l
	}
	return sn.locationFrom(0)
}

func (sn *sentence) locationFrom(from int) string {
	for k := from; k < len(sn.words); k++ {
		if v, ok := locPreps[sn.words[k].Lower]; !ok || !v {
			continue
		}
		if l := sn.placeAt(k + 1); l != "" {
			return l
		}
	}
	return ""
}

// placeAt reads a capitalised place name starting at or just after token k
// (skipping "the" and compass adjectives).
func (sn *sentence) placeAt(k int) string {
	for k < len(sn.words) && locModifiers[sn.words[k].Lower] && !isCapitalised(sn.words[k].Text) {
		k++
	}
	start := k
	for k < len(sn.words) {
		w := sn.words[k]
		if isCapitalised(w.Text) && (w.Tag == "NNP" || w.Tag == "NNPS" || w.arg >= 0) && !notPlaces[w.Lower] {
			k++
			continue
		}
		if (w.Lower == "of" || w.Lower == "al" || w.Lower == "el") && k > start && k+1 < len(sn.words) && isCapitalised(sn.words[k+1].Text) {
			k++
			continue
		}
		break
	}
	if k == start {
		return ""
	}
	if a := sn.words[start].arg; a >= 0 && sn.args[a].kind != "place" && sn.args[a].kind != "state" && !isCapitalOnly(sn, a) {
		return ""
	}
	return strings.TrimSpace(sn.textOf(start, k))
}

// isCapitalOnly reports whether argument a is a state named by its capital
// or a place (no agent): those are locations, "Iranian officials" is not.
func isCapitalOnly(sn *sentence, a int) bool {
	return sn.args[a].kind == "state" || sn.args[a].kind == "place"
}
