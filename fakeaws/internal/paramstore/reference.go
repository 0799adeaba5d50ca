package paramstore

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// errRefDecryption: a reference read without WithDecryption (S; docs/aws-behaviour.md §1.1).
func errRefDecryption() error {
	return validation("WithDecryption flag must be True for retrieving a Secret Manager secret.")
}

// errRefSelector: a reference whose selector is empty or holds a second
// colon. One third-party claim (docs/aws-behaviour.md §1.1, U).
func errRefSelector() error {
	return validation("Invalid parameter name. Please use correct syntax for referencing a version/label <name>:<version/label>")
}

// errRefNotFound is AWS's answer when the secret, stage or version does not
// exist: name is the reference's name without its leading slash, then the
// selector without its colon, or the literal "null" when there is none, as
// the one real observation shows ("Secret
// aws/reference/secretsmanager/shared-secret-alphanull not found.", an aws-cli
// issue of 2026; docs/aws-behaviour.md §1.1, O).
func errRefNotFound(name, sel string, hasSel bool) error {
	if !hasSel {
		sel = "null"
	}
	return &types.ParameterNotFound{Message: aws.String("An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret " +
		strings.TrimPrefix(name, "/") + sel + " not found.")}
}

// refParts splits a reference name (refPrefix<id>[:<selector>]) into the
// secret's ID and the selector.
func refParts(name string) (id, sel string, hasSel bool) {
	return strings.Cut(name[len(refPrefix):], ":")
}

// getReference answers a /aws/reference/secretsmanager/<id>[:<selector>]
// name (docs/aws-behaviour.md §1.1, S): Name without the selector, Selector as given, Type
// SecureString, the SecretString as Value, Version 0, SourceResult,
// LastModifiedDate the version's CreatedDate, ARN the secret's, no DataType.
// WithDecryption is checked by the caller. A SecretBinary secret answers
// without Value, and its SourceResult without secretString (what AWS does
// there is not known; docs/aws-behaviour.md §1.1, U). The answer goes in out, pointing into h.
func (s *State) getReference(env core.Env, name string, out *types.Parameter, h *paramValues) error {
	id, sel, hasSel := refParts(name)
	if hasSel && (sel == "" || strings.Contains(sel, ":")) {
		return errRefSelector()
	}
	base := name[:len(refPrefix)+len(id)] // refPrefix + id, without a copy
	if id == "" {
		return errRefNotFound(base, sel, hasSel)
	}
	// Secrets Manager picks the version: "" is AWSCURRENT, else a stage,
	// else a version ID; it records the read (LastAccessedDate).
	ref, err := s.secrets.Reference(env, id, sel)
	if err != nil {
		var nf *secrets.RefNotFound
		if errors.As(err, &nf) {
			return errRefNotFound(base, sel, hasSel)
		}
		return err
	}
	byID := hasSel && sel == ref.VersionID
	// The answer points into h: fresh values that share nothing with the
	// Store.
	*h = paramValues{
		name:     base,
		extra:    sourceResult(&ref, !byID, s.sourceDate),
		modified: ref.CreatedDate,
		arn:      ref.ARN,
	}
	*out = types.Parameter{
		Name:             &h.name,
		Type:             types.ParameterTypeSecureString,
		Version:          0,
		SourceResult:     &h.extra,
		LastModifiedDate: &h.modified,
		ARN:              &h.arn,
	}
	if ref.SecretString != nil {
		h.value = *ref.SecretString
		out.Value = &h.value
	}
	if hasSel {
		h.selector = ":" + sel
		out.Selector = &h.selector
	}
	return nil
}

// The layouts of SourceResult's createdDate: Java's DateFormat.DEFAULT
// (MEDIUM) in the US locale, in UTC, as AWS wrote it in 2021 ("Oct 14,
// 2021, 10:18:47 AM"; newer JVMs put a comma after the year) and in 2018
// ("Jul 28, 2018 11:09:49 AM"), docs/aws-behaviour.md §1.2.
const (
	SourceDate2021 = "Jan 2, 2006, 3:04:05 PM"
	SourceDate2018 = "Jan 2, 2006 3:04:05 PM"
)

// SetSourceDateLayout sets the layout of SourceResult's createdDate (a Go
// time layout; "" is SourceDate2021, the default). It is set once, when
// the partition is made: SourceResults are cached per secret version.
func (s *State) SetSourceDateLayout(layout string) { s.sourceDate = layout }

// appendSourceDate appends t in UTC as layout formats it; the two recorded
// layouts are written without the cost of time.Format's layout parsing (a
// sixth of a bridge call).
func appendSourceDate(b []byte, t time.Time, layout string) []byte {
	t = t.UTC()
	if layout == "" {
		layout = SourceDate2021
	}
	if layout != SourceDate2021 && layout != SourceDate2018 {
		return t.AppendFormat(b, layout)
	}
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	b = append(b, month.String()[:3]...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(day), 10)
	b = append(b, ", "...)
	for p := 1000; year >= 0 && year < p && p > 1; p /= 10 {
		b = append(b, '0') // four digits, as time.Format writes the year
	}
	b = strconv.AppendInt(b, int64(year), 10)
	if layout == SourceDate2021 {
		b = append(b, ',')
	}
	b = append(b, ' ')
	h12 := hour % 12
	if h12 == 0 {
		h12 = 12
	}
	b = strconv.AppendInt(b, int64(h12), 10)
	b = append(b, ':', byte('0'+minute/10), byte('0'+minute%10), ':', byte('0'+sec/10), byte('0'+sec%10), ' ')
	if hour < 12 {
		return append(b, "AM"...)
	}
	return append(b, "PM"...)
}

// sourceResult is the SourceResult of a reference: the selected version as
// Gson writes it (docs/aws-behaviour.md §1.2, S): compact, keys ARN, name, versionId,
// secretString, versionStages (left out when the version was picked by its
// ID), createdDate (in dateLayout); null members left out. It is written by
// hand, with Gson's escaping, so that it matches AWS's bytes.
func sourceResult(ref *secrets.Ref, withStages bool, dateLayout string) string {
	slot := 0
	if withStages {
		slot = 1
	}
	if ref.SourceCache != nil {
		if p := ref.SourceCache[slot].Load(); p != nil {
			return *p
		}
	}
	src := buildSourceResult(ref, withStages, dateLayout)
	if ref.SourceCache != nil {
		ref.SourceCache[slot].Store(&src)
	}
	return src
}

// buildSourceResult writes a SourceResult (see sourceResult).
func buildSourceResult(ref *secrets.Ref, withStages bool, dateLayout string) string {
	var b strings.Builder
	n := 128 + len(ref.ARN) + len(ref.Name) + len(ref.VersionID)
	if ref.SecretString != nil {
		n += len(*ref.SecretString) + len(*ref.SecretString)/8
	}
	for _, st := range ref.VersionStages {
		n += len(st) + 3
	}
	b.Grow(n)
	b.WriteString(`{"ARN":`)
	gsonString(&b, ref.ARN)
	b.WriteString(`,"name":`)
	gsonString(&b, ref.Name)
	b.WriteString(`,"versionId":`)
	gsonString(&b, ref.VersionID)
	if ref.SecretString != nil {
		b.WriteString(`,"secretString":`)
		gsonString(&b, *ref.SecretString)
	}
	if withStages && ref.VersionStages != nil {
		b.WriteString(`,"versionStages":[`)
		for i, st := range ref.VersionStages {
			if i > 0 {
				b.WriteByte(',')
			}
			gsonString(&b, st)
		}
		b.WriteByte(']')
	}
	b.WriteString(`,"createdDate":`)
	var date [40]byte
	d := appendSourceDate(date[:0], ref.CreatedDate, dateLayout)
	if dateLayout == "" || dateLayout == SourceDate2021 || dateLayout == SourceDate2018 {
		// The recorded layouts' characters (letters, digits, ',', ':',
		// spaces) are never escaped: the date is written as formatted.
		b.WriteByte('"')
		b.Write(d)
		b.WriteByte('"')
	} else {
		gsonString(&b, string(d))
	}
	b.WriteByte('}')
	return b.String()
}

const hexDigits = "0123456789abcdef"

// gsonString writes s as a JSON string the way Gson's JsonWriter does with
// HTML-safe escaping on (its default): `"` and `\` escaped with a
// backslash; \t \b \n \r \f in short form; other control characters, the
// HTML-sensitive < > & = ' and U+2028, U+2029 as \u followed by four
// lower-case hex digits; everything else as is.
func gsonString(b *strings.Builder, s string) {
	b.WriteByte('"')
	start := 0 // s[start:i] is a run of bytes written as they are
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && gsonPlain[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != '\u2028' && r != '\u2029' {
				i += size
				continue
			}
			b.WriteString(s[start:i])
			writeU(b, int(r))
			i += size
			start = i
			continue
		}
		b.WriteString(s[start:i])
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\f':
			b.WriteString(`\f`)
		default: // < > & = ' and the other control characters
			writeU(b, int(c))
		}
		i++
		start = i
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// gsonPlain marks the ASCII bytes Gson writes as they are: printable, and
// not one it escapes (quote, backslash, and < > & = ' as \u00XX).
var gsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	t[0x7f] = true
	for _, c := range `"\<>&='` {
		t[c] = false
	}
	return t
}()

func writeU(b *strings.Builder, r int) {
	b.WriteString(`\u`)
	b.WriteByte(hexDigits[r>>12&0xf])
	b.WriteByte(hexDigits[r>>8&0xf])
	b.WriteByte(hexDigits[r>>4&0xf])
	b.WriteByte(hexDigits[r&0xf])
}
