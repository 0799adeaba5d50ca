package endpoint

import (
	"encoding/base64"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"

	smschemas "github.com/aws/aws-sdk-go-v2/service/secretsmanager/schemas"
	ssmschemas "github.com/aws/aws-sdk-go-v2/service/ssm/schemas"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
	"github.com/aws/smithy-go/traits"
)

// jsonWriter is a smithy.ShapeSerializer that writes the AWS JSON 1.0/1.1
// body of a shape: member names as the model spells them, timestamps as
// epoch seconds (with milliseconds) unless the model says otherwise, blobs
// in base64, absent members left out. The SDK's generated Serialize methods
// drive it, so every output and error is written as the model describes it.
type jsonWriter struct {
	buf   []byte
	stack []frame
	// keyed is set after WriteKey (or a union's variant key): the next value
	// needs no prefix.
	keyed bool
}

type frame struct {
	object bool // struct, map or union (members are keyed); else list
	n      int  // values written so far
	// zeros are the members of a struct that AWS sends even at their zero
	// value (see sentAtZero; shared, never changed), written the ones
	// already written, by their index in zeros.
	zeros   []zeroMember
	written uint64
}

// zeroMember is a member AWS sends at its zero value, and that value.
type zeroMember struct {
	schema *smithy.Schema
	zero   string
}

// sentAtZero lists, by struct, the members AWS sends even at their zero
// value. The SDK's Serialize methods leave out a non-pointer member at its
// zero value (a Go zero cannot tell "absent" from "0"), so the writer adds
// them when the struct closes. docs/aws-behaviour.md §1.1 (Version 0 on the
// bridge, recorded in 2018 and 2021) and §4.3.
var sentAtZero = map[smithy.ShapeID][]zeroMember{
	ssmschemas.Parameter.ID():                     {{ssmschemas.Parameter_Version, "0"}},
	smschemas.ValidateResourcePolicyResponse.ID(): {{smschemas.ValidateResourcePolicyResponse_PolicyValidationPassed, "false"}},
}

var _ smithy.ShapeSerializer = (*jsonWriter)(nil)

func (w *jsonWriter) Bytes() []byte { return w.buf }

// prefix writes what comes before a value: a comma between values of a
// container and, in a struct, the member's quoted name.
func (w *jsonWriter) prefix(s *smithy.Schema) {
	if w.keyed {
		w.keyed = false
		return
	}
	if len(w.stack) == 0 {
		return
	}
	f := &w.stack[len(w.stack)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	if f.object {
		name := ""
		if s != nil {
			name = s.MemberName()
		}
		for i := range f.zeros {
			if f.zeros[i].schema == s {
				f.written |= 1 << i
			}
		}
		w.buf = appendString(w.buf, name)
		w.buf = append(w.buf, ':')
	}
}

func (w *jsonWriter) open(c byte, object bool) {
	w.buf = append(w.buf, c)
	w.stack = append(w.stack, frame{object: object})
}

func (w *jsonWriter) close(c byte) {
	w.buf = append(w.buf, c)
	if len(w.stack) > 0 {
		w.stack = w.stack[:len(w.stack)-1]
	}
}

func (w *jsonWriter) WriteInt8(s *smithy.Schema, v int8)   { w.WriteInt64(s, int64(v)) }
func (w *jsonWriter) WriteInt16(s *smithy.Schema, v int16) { w.WriteInt64(s, int64(v)) }
func (w *jsonWriter) WriteInt32(s *smithy.Schema, v int32) { w.WriteInt64(s, int64(v)) }

func (w *jsonWriter) WriteInt64(s *smithy.Schema, v int64) {
	w.prefix(s)
	w.buf = strconv.AppendInt(w.buf, v, 10)
}

func (w *jsonWriter) WriteFloat32(s *smithy.Schema, v float32) { w.writeFloat(s, float64(v), 32) }
func (w *jsonWriter) WriteFloat64(s *smithy.Schema, v float64) { w.writeFloat(s, v, 64) }

// writeFloat writes v; JSON has no NaN or infinities, so Smithy's JSON
// protocols send them as the strings "NaN", "Infinity" and "-Infinity".
func (w *jsonWriter) writeFloat(s *smithy.Schema, v float64, bits int) {
	switch {
	case math.IsNaN(v):
		w.WriteString(s, "NaN")
	case math.IsInf(v, 1):
		w.WriteString(s, "Infinity")
	case math.IsInf(v, -1):
		w.WriteString(s, "-Infinity")
	default:
		w.prefix(s)
		w.buf = strconv.AppendFloat(w.buf, v, 'g', -1, bits)
	}
}

func (w *jsonWriter) WriteBool(s *smithy.Schema, v bool) {
	w.prefix(s)
	w.buf = strconv.AppendBool(w.buf, v)
}

func (w *jsonWriter) WriteString(s *smithy.Schema, v string) {
	w.prefix(s)
	w.buf = appendString(w.buf, v)
}

func (w *jsonWriter) WriteBigInt(s *smithy.Schema, v *big.Int) {
	w.prefix(s)
	w.buf = v.Append(w.buf, 10)
}

func (w *jsonWriter) WriteBigFloat(s *smithy.Schema, v *big.Float) {
	w.prefix(s)
	w.buf = v.Append(w.buf, 'g', -1)
}

func (w *jsonWriter) WriteBlob(s *smithy.Schema, v []byte) {
	w.prefix(s)
	w.buf = append(w.buf, '"')
	w.buf = base64.StdEncoding.AppendEncode(w.buf, v)
	w.buf = append(w.buf, '"')
}

// WriteTime writes t in the member's timestampFormat; AWS JSON's default is
// epoch seconds, which AWS sends with millisecond precision.
func (w *jsonWriter) WriteTime(s *smithy.Schema, t time.Time) {
	format := "epoch-seconds"
	if s != nil {
		if tf, ok := smithy.SchemaTrait[*traits.TimestampFormat](s); ok {
			format = tf.Format
		}
	}
	switch format {
	case "date-time":
		w.WriteString(s, t.UTC().Format("2006-01-02T15:04:05.999Z"))
	case "http-date":
		w.WriteString(s, t.UTC().Format(http1123ms))
	default:
		w.prefix(s)
		w.buf = appendEpochSeconds(w.buf, t)
	}
}

const http1123ms = "Mon, 02 Jan 2006 15:04:05.999 GMT"

// appendEpochSeconds writes t as seconds since the epoch with up to three
// decimals, computed in integers so that no float rounding creeps in:
// 1700000000.123, 1700000000.5, 1700000000.
func appendEpochSeconds(b []byte, t time.Time) []byte {
	ms := t.UnixMilli()
	if ms < 0 { // before 1970: the sign, then the magnitude ("-1.5")
		b = append(b, '-')
		ms = -ms
	}
	sec, frac := ms/1000, ms%1000
	b = strconv.AppendInt(b, sec, 10)
	if frac == 0 {
		return b
	}
	digits := []byte{'0' + byte(frac/100), '0' + byte(frac/10%10), '0' + byte(frac%10)}
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	b = append(b, '.')
	return append(b, digits...)
}

func (w *jsonWriter) WriteUnion(s, variant *smithy.Schema) {
	w.prefix(s)
	w.open('{', true)
	w.prefix(variant)
	w.keyed = true
}

func (w *jsonWriter) CloseUnion() { w.close('}') }

func (w *jsonWriter) WriteDocument(s *smithy.Schema, v document.Value) {
	switch d := v.(type) {
	case nil, document.Null:
		w.WriteNil(s)
	case document.Boolean:
		w.WriteBool(s, bool(d))
	case document.Number:
		w.prefix(s)
		w.buf = append(w.buf, d...)
	case document.String:
		w.WriteString(s, string(d))
	case document.Blob:
		w.WriteBlob(s, []byte(d))
	case document.Timestamp:
		w.WriteTime(s, time.Time(d))
	case document.List:
		w.WriteList(s)
		for _, item := range d {
			w.WriteDocument(nil, item)
		}
		w.CloseList()
	case document.Map:
		w.WriteMap(s)
		for k, item := range d {
			w.WriteKey(nil, k)
			w.WriteDocument(nil, item)
		}
		w.CloseMap()
	case document.Structure:
		w.WriteMap(s)
		for k, item := range d.Members {
			w.WriteKey(nil, k)
			w.WriteDocument(nil, item)
		}
		w.CloseMap()
	default:
		// Opaque documents do not occur in Parameter Store or Secrets
		// Manager; write null rather than guess.
		w.WriteNil(s)
	}
}

func (w *jsonWriter) WriteNil(s *smithy.Schema) {
	w.prefix(s)
	w.buf = append(w.buf, "null"...)
}

func (w *jsonWriter) WriteStruct(s *smithy.Schema) {
	w.prefix(s)
	w.open('{', true)
	if s == nil {
		return
	}
	id := s.TargetID() // a member's schema: the struct it holds
	if id == (smithy.ShapeID{}) {
		id = s.ID()
	}
	w.stack[len(w.stack)-1].zeros = sentAtZero[id]
}

// CloseStruct writes the members AWS sends at their zero value that the
// struct's Serialize left out, and closes it.
func (w *jsonWriter) CloseStruct() {
	if f := &w.stack[len(w.stack)-1]; f.zeros != nil {
		for i, z := range f.zeros {
			if f.written&(1<<i) == 0 {
				w.prefix(z.schema)
				w.buf = append(w.buf, z.zero...)
			}
		}
	}
	w.close('}')
}

func (w *jsonWriter) WriteList(s *smithy.Schema) {
	w.prefix(s)
	w.open('[', false)
}

func (w *jsonWriter) CloseList() { w.close(']') }

func (w *jsonWriter) WriteMap(s *smithy.Schema) {
	w.prefix(s)
	w.open('{', true)
}

// WriteKey writes a map key; the value that follows needs no prefix.
func (w *jsonWriter) WriteKey(_ *smithy.Schema, key string) {
	f := &w.stack[len(w.stack)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	w.buf = appendString(w.buf, key)
	w.buf = append(w.buf, ':')
	w.keyed = true
}

func (w *jsonWriter) CloseMap() { w.close('}') }

// writeMember writes one extra member of the innermost struct (the error
// body's "__type" and, for errors the model does not type, the message).
func (w *jsonWriter) writeMember(name, value string) {
	f := &w.stack[len(w.stack)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	w.buf = appendString(w.buf, name)
	w.buf = append(w.buf, ':')
	w.buf = appendString(w.buf, value)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but not valid JavaScript; escape
		// them as encoding/json does.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
