// Package event defines the records detente produces and stores: documents,
// coded events and quotes. It is the contract shared by the coder, the store,
// the HTTP API and the CLI, so it holds types and no behaviour beyond
// (de)serialisation helpers.
package event

// Document is one input article. Text is plain UTF-8; Date is YYYY-MM-DD
// when known.
type Document struct {
	ID     string `json:"id"`
	Date   string `json:"date,omitempty"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"` // publisher, e.g. "Reuters"
}

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Event is one coded interaction: who did what to whom, with the words that
// justify it. Country fields hold ISO-3166 alpha-3 codes as CAMEO uses them
// (USA, IRN, ISR); non-state actors carry stable codes such as "HMS" or
// "LBNREB" in Source/Target and an empty or host country.
type Event struct {
	DocID         string   `json:"doc_id"`
	Date          string   `json:"date,omitempty"`
	SentenceIndex int      `json:"sentence_index"`
	Sentence      string   `json:"sentence"`
	Source        string   `json:"source"`
	SourceCountry string   `json:"source_country"`
	Target        string   `json:"target"`
	TargetCountry string   `json:"target_country"`
	CAMEO         string   `json:"cameo"`
	Root          string   `json:"root"`
	EventName     string   `json:"event_name,omitempty"`
	PLOVER        string   `json:"plover"`
	PLOVERMode    string   `json:"plover_mode,omitempty"`
	Goldstein     float64  `json:"goldstein"`
	QuadClass     int      `json:"quad_class"`
	Evidence      string   `json:"evidence"` // the words that justify the event: source, predicate and target and what lies between
	EvidenceSpan  Span     `json:"evidence_span"`
	VerbText      string   `json:"verb_text"`
	VerbSpan      Span     `json:"verb_span"`
	SourceText    string   `json:"source_text"`
	SourceSpan    Span     `json:"source_span"`
	TargetText    string   `json:"target_text"`
	TargetSpan    Span     `json:"target_span"`
	Location      string   `json:"location,omitempty"`
	Negated       bool     `json:"negated,omitempty"`
	Modality      string   `json:"modality,omitempty"` // "", "hypothetical", "future", "possible", "reported"
	Issues        []string `json:"issues,omitempty"`
}

// Quote is who said what.
type Quote struct {
	DocID         string `json:"doc_id"`
	Date          string `json:"date,omitempty"`
	SentenceIndex int    `json:"sentence_index"`
	Speaker       string `json:"speaker"`
	SpeakerCode   string `json:"speaker_code"`
	Quote         string `json:"quote"`
	Sentence      string `json:"sentence"`
	Span          Span   `json:"span"`
}

// Mention is one actor named in a document.
type Mention struct {
	DocID string `json:"doc_id"`
	Code  string `json:"code"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
}

// Result is everything the coder extracts from one document.
type Result struct {
	Doc      Document  `json:"doc"`
	Events   []Event   `json:"events"`
	Quotes   []Quote   `json:"quotes"`
	Mentions []Mention `json:"mentions"`
}
