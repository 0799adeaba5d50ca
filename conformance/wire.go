package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// WireTarget is a Target that sees the raw JSON of its answers: the SDK
// targets read the HTTP response body, the CLI target its JSON output.
// RunScenario compares that JSON with AWS's recorded answer where a step
// names one (Step.Golden), with CompareAnswer. A target in another language
// implements it by handing over the body its SDK received.
type WireTarget interface {
	Target
	// LastAnswer returns the raw JSON of the answer to the last Call that
	// succeeded.
	LastAnswer() []byte
}

// recorded holds AWS's recorded answers (testdata/recorded/README.md).
//
//go:embed testdata/recorded
var recorded embed.FS

// Recorded returns the recorded answer name, a path under
// testdata/recorded ("2018/get-secret-value.json").
func Recorded(name string) ([]byte, error) {
	return recorded.ReadFile("testdata/recorded/" + name)
}

// CompareAnswer compares got, the raw JSON of an answer, with want, an
// answer AWS gave, and returns one line per difference (none: they agree).
// It compares the set of members at every level, and every value:
// timestamps (members whose name ends in "Date") by instant, whether written
// as epoch seconds or ISO-8601 (the SDK for JavaScript prints them so),
// numbers by value, strings exactly. A string member holding a JSON object
// (SourceResult) is compared as JSON too, member order included, since AWS
// writes it as it is and clients pass it on unparsed. With ordered set
// the top level's member order counts as well (for a recorded SourceResult
// alone). unmask replaces text in want (an account number masked in a
// recording) before comparing.
func CompareAnswer(want, got []byte, unmask map[string]string, ordered bool) []string {
	return compareAnswer(want, got, unmask, ordered, false)
}

// compareAnswer is CompareAnswer; with anyTime, timestamps (members whose
// name ends in "Date", SourceResult's createdDate too) need only be
// present: a Loose target's clock is not the scenario's.
func compareAnswer(want, got []byte, unmask map[string]string, ordered, anyTime bool) []string {
	for from, to := range unmask {
		want = bytes.ReplaceAll(want, []byte(from), []byte(to))
	}
	w, err := parseOrdered(want)
	if err != nil {
		return []string{"recorded answer: " + err.Error()}
	}
	g, err := parseOrdered(got)
	if err != nil {
		return []string{fmt.Sprintf("answer %q: %v", got, err)}
	}
	c := comparer{anyTime: anyTime}
	c.value("$", "", w, g, ordered)
	return c.diffs
}

// stringAt returns the string member at path ("Parameter.SourceResult") of
// the JSON object body.
func stringAt(body []byte, path string) ([]byte, error) {
	v, err := parseOrdered(body)
	if err != nil {
		return nil, err
	}
	for name := range strings.SplitSeq(path, ".") {
		o, ok := v.(*object)
		if !ok {
			return nil, fmt.Errorf("no member %s in %s", name, body)
		}
		if v, ok = o.vals[name]; !ok {
			return nil, fmt.Errorf("no member %s in %s", name, body)
		}
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("%s is %s, not a string", path, show(v))
	}
	return []byte(s), nil
}

// object is a JSON object with its members' order.
type object struct {
	keys []string
	vals map[string]any
}

// parseOrdered parses JSON into *object, []any, json.Number, string, bool
// and nil.
func parseOrdered(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	v, err := parseValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return v, nil
}

func parseValue(d *json.Decoder) (any, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('{'):
		o := &object{vals: map[string]any{}}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			key := k.(string)
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			if _, dup := o.vals[key]; dup {
				return nil, fmt.Errorf("member %q twice", key)
			}
			o.keys = append(o.keys, key)
			o.vals[key] = v
		}
		_, err := d.Token() // '}'
		return o, err
	case json.Delim('['):
		list := []any{}
		for d.More() {
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := d.Token() // ']'
		return list, err
	}
	return t, nil
}

type comparer struct {
	anyTime bool // timestamps need only be present
	diffs   []string
}

func (c *comparer) errorf(format string, args ...any) {
	c.diffs = append(c.diffs, fmt.Sprintf(format, args...))
}

// value compares want and got at path; key is the member name they are the
// value of ("" in a list or at the top).
func (c *comparer) value(path, key string, want, got any, ordered bool) {
	if c.anyTime && strings.HasSuffix(key, "Date") {
		return
	}
	if !ordered && strings.HasSuffix(key, "Date") {
		wt, werr := instant(want)
		gt, gerr := instant(got)
		if werr == nil && gerr == nil {
			if !wt.Equal(gt) {
				c.errorf("%s: %s, want %s (%s, want %s)", path, show(got), show(want), gt.Format(time.RFC3339Nano), wt.Format(time.RFC3339Nano))
			}
			return
		}
	}
	switch w := want.(type) {
	case *object:
		g, ok := got.(*object)
		if !ok {
			c.errorf("%s: %s, want an object", path, show(got))
			return
		}
		for _, k := range w.keys {
			if _, ok := g.vals[k]; !ok {
				c.errorf("%s.%s: missing, want %s", path, k, show(w.vals[k]))
			}
		}
		for _, k := range g.keys {
			if _, ok := w.vals[k]; !ok {
				c.errorf("%s.%s: unexpected, got %s", path, k, show(g.vals[k]))
			}
		}
		if ordered {
			wk := slices.DeleteFunc(slices.Clone(w.keys), func(k string) bool { _, ok := g.vals[k]; return !ok })
			gk := slices.DeleteFunc(slices.Clone(g.keys), func(k string) bool { _, ok := w.vals[k]; return !ok })
			if !slices.Equal(wk, gk) {
				c.errorf("%s: members in the order %v, want %v", path, gk, wk)
			}
		}
		for _, k := range w.keys {
			if gv, ok := g.vals[k]; ok {
				c.value(path+"."+k, k, w.vals[k], gv, ordered)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			c.errorf("%s: %s, want a list", path, show(got))
			return
		}
		if len(g) != len(w) {
			c.errorf("%s: %d items, want %d: %s, want %s", path, len(g), len(w), show(got), show(want))
		}
		for i := range min(len(w), len(g)) {
			c.value(path+"["+strconv.Itoa(i)+"]", "", w[i], g[i], ordered)
		}
	case json.Number:
		g, ok := got.(json.Number)
		if !ok {
			c.errorf("%s: %s, want %s", path, show(got), w)
			return
		}
		wf, werr := w.Float64()
		gf, gerr := g.Float64()
		if werr != nil || gerr != nil || wf != gf {
			c.errorf("%s: %s, want %s", path, g, w)
		}
	case string:
		g, ok := got.(string)
		if !ok {
			c.errorf("%s: %s, want %s", path, show(got), show(want))
			return
		}
		if strings.HasPrefix(w, "{") && strings.HasPrefix(g, "{") {
			wv, werr := parseOrdered([]byte(w))
			gv, gerr := parseOrdered([]byte(g))
			if werr == nil && gerr == nil {
				n := len(c.diffs)
				c.value(path+"<json>", "", wv, gv, true)
				if len(c.diffs) == n && w != g && !c.anyTime {
					c.errorf("%s: the same JSON written differently:\n\t got %s\n\twant %s", path, g, w)
				}
				return
			}
		}
		if w != g {
			c.errorf("%s: %s, want %s", path, show(got), show(want))
		}
	default: // bool, nil
		if want != got {
			c.errorf("%s: %s, want %s", path, show(got), show(want))
		}
	}
}

// instant reads a timestamp written as epoch seconds or as ISO-8601.
func instant(v any) (time.Time, error) {
	switch t := v.(type) {
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			return time.Time{}, err
		}
		return time.UnixMilli(int64(math.Round(f * 1000))).UTC(), nil
	case string:
		return time.Parse(time.RFC3339Nano, t)
	}
	return time.Time{}, fmt.Errorf("%s is not a timestamp", show(v))
}

// show writes v as compact JSON, members in their order.
func show(v any) string {
	var b strings.Builder
	writeJSON(&b, v)
	return b.String()
}

func writeJSON(b *strings.Builder, v any) {
	switch t := v.(type) {
	case *object:
		b.WriteByte('{')
		for i, k := range t.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeJSON(b, t.vals[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, x)
		}
		b.WriteByte(']')
	case string:
		q, _ := json.Marshal(t)
		b.Write(q)
	case nil:
		b.WriteString("null")
	default:
		fmt.Fprint(b, t)
	}
}

// LastAnswer returns the JSON the CLI printed for the last call that
// succeeded (WireTarget): the members it received, as the service's model
// orders them, timestamps as on the wire.
func (c *cliTarget) LastAnswer() []byte { return c.last }

// sourceResultDateFlag is cmd/fakeaws's -source-result-date for layout.
func sourceResultDateFlag(layout fakeaws.SourceResultDate) (string, error) {
	switch layout {
	case "":
		return "", nil
	case fakeaws.SourceResultDate2021:
		return "2021", nil
	case fakeaws.SourceResultDate2018:
		return "2018", nil
	}
	return "", fmt.Errorf("cmd/fakeaws has no -source-result-date for the layout %q", layout)
}
