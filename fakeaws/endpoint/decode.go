package endpoint

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/aws/smithy-go"
)

// DecodeJSON decodes an AWS JSON 1.1 body into v, a pointer to one of the
// SDK's input or output structs (*ssm.GetParameterInput,
// *secretsmanager.GetSecretValueOutput, ...). JSON member names are the
// model's, as the SDK's own Serialize methods write them (mostly the Go
// field names; some SSM shapes spell theirs in lower case). Timestamps are epoch
// seconds (fractions kept to the millisecond and below), blobs base64,
// enums plain strings. Unknown members and nulls are ignored, as AWS ignores
// them; a malformed body or a value of the wrong JSON type is an error
// (*SerializationError), which the endpoint answers as AWS does, with
// SerializationException.
func DecodeJSON(data []byte, v any) error {
	return new(codec).decode(data, v)
}

// codec decodes request bodies, keeping the member names of each struct
// type it has met.
type codec struct {
	fields sync.Map // reflect.Type → map[string]int: member name → field index
}

func (c *codec) decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("endpoint.DecodeJSON: want a non-nil pointer, got %T", v)
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		// An empty body is an empty structure: every member absent.
		return nil
	}
	if err := checkUTF8(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return &SerializationError{Msg: "Unable to parse the request body as JSON: " + err.Error()}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &SerializationError{Msg: "Unable to parse the request body as JSON: data after the top-level value"}
	}
	return c.assign(rv.Elem(), doc, "")
}

// checkUTF8 refuses a body that is not UTF-8, or whose strings escape a
// lone UTF-16 surrogate (\ud800 without its pair): encoding/json would
// read either as U+FFFD, so a value would be stored other than sent. AWS's
// JSON parser refuses such bodies with SerializationException (its message
// is not known; this one says what is wrong and where).
func checkUTF8(data []byte) error {
	if !utf8.Valid(data) {
		at := 0
		for at < len(data) {
			r, n := utf8.DecodeRune(data[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return &SerializationError{Msg: fmt.Sprintf("Unable to parse the request body as JSON: invalid UTF-8 at byte %d", at)}
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' || i+1 >= len(data) {
			continue
		}
		if data[i+1] != 'u' {
			i++ // an escaped character: skip it (it may be a backslash)
			continue
		}
		u, ok := hex4(data[i+2:])
		switch {
		case !ok:
		case u >= 0xD800 && u <= 0xDBFF:
			if len(data) >= i+12 && data[i+6] == '\\' && data[i+7] == 'u' {
				if lo, ok := hex4(data[i+8:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
					i += 11
					continue
				}
			}
			return &SerializationError{Msg: fmt.Sprintf("Unable to parse the request body as JSON: unpaired UTF-16 surrogate \\u%04x at byte %d", u, i)}
		case u >= 0xDC00 && u <= 0xDFFF:
			return &SerializationError{Msg: fmt.Sprintf("Unable to parse the request body as JSON: unpaired UTF-16 surrogate \\u%04x at byte %d", u, i)}
		}
		i += 5
	}
	return nil
}

// hex4 reads four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[:4]), 16, 16)
	return rune(n), err == nil
}

// SerializationError is a body that is not JSON or whose values have the
// wrong JSON types for the operation's shapes.
type SerializationError struct{ Msg string }

func (e *SerializationError) Error() string { return e.Msg }

var (
	timeType  = reflect.TypeFor[time.Time]()
	bytesType = reflect.TypeFor[[]byte]()
)

// jsonKind names a decoded JSON value as Coral's error messages do.
func jsonKind(j any) string {
	switch j.(type) {
	case string:
		return "STRING_VALUE"
	case json.Number:
		return "NUMBER_VALUE"
	case bool:
		return "BOOLEAN_VALUE"
	case []any:
		return "START_ARRAY"
	case map[string]any:
		return "START_OBJECT"
	}
	return "VALUE_NULL"
}

func mismatch(j any, want, path string) error {
	if path == "" {
		path = "the request body"
	}
	return &SerializationError{Msg: fmt.Sprintf("%s can not be converted to %s (at %s)", jsonKind(j), want, path)}
}

func memberPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// assign stores the decoded JSON value j into v.
func (c *codec) assign(v reflect.Value, j any, path string) error {
	if j == nil {
		return nil // null is absence
	}
	t := v.Type()
	switch {
	case t == timeType:
		n, ok := j.(json.Number)
		if !ok {
			return mismatch(j, "a Timestamp (epoch seconds)", path)
		}
		tm, err := parseEpochSeconds(string(n))
		if err != nil {
			return mismatch(j, "a Timestamp (epoch seconds)", path)
		}
		v.Set(reflect.ValueOf(tm))
		return nil
	case t == bytesType:
		s, ok := j.(string)
		if !ok {
			return mismatch(j, "a Blob (base64 string)", path)
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return &SerializationError{Msg: fmt.Sprintf("Invalid base64 blob at %s", path)}
		}
		v.SetBytes(b)
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		e := reflect.New(t.Elem())
		if err := c.assign(e.Elem(), j, path); err != nil {
			return err
		}
		v.Set(e)
	case reflect.String:
		s, ok := j.(string)
		if !ok {
			return mismatch(j, "a String", path)
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := j.(bool)
		if !ok {
			return mismatch(j, "a Boolean", path)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := j.(json.Number)
		if !ok {
			return mismatch(j, "an Integer", path)
		}
		i, err := strconv.ParseInt(string(n), 10, t.Bits())
		if err != nil {
			return mismatch(j, fmt.Sprintf("an Integer of %d bits", t.Bits()), path)
		}
		v.SetInt(i)
	case reflect.Float32, reflect.Float64:
		var f float64
		var err error
		switch x := j.(type) {
		case json.Number:
			f, err = strconv.ParseFloat(string(x), t.Bits())
		case string: // NaN, Infinity, -Infinity
			f, err = parseSpecialFloat(x)
		default:
			err = strconv.ErrSyntax
		}
		if err != nil {
			return mismatch(j, "a Double", path)
		}
		v.SetFloat(f)
	case reflect.Slice:
		arr, ok := j.([]any)
		if !ok {
			return mismatch(j, "a List", path)
		}
		s := reflect.MakeSlice(t, len(arr), len(arr))
		for i, item := range arr {
			if err := c.assign(s.Index(i), item, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		obj, ok := j.(map[string]any)
		if !ok {
			return mismatch(j, "a Map", path)
		}
		if t.Key().Kind() != reflect.String {
			return &SerializationError{Msg: fmt.Sprintf("unsupported map key type %v at %s", t.Key(), path)}
		}
		m := reflect.MakeMapWithSize(t, len(obj))
		for k, item := range obj {
			e := reflect.New(t.Elem()).Elem()
			if err := c.assign(e, item, memberPath(path, k)); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		obj, ok := j.(map[string]any)
		if !ok {
			return mismatch(j, "a Structure", path)
		}
		members := c.members(t)
		for name, item := range obj {
			i, ok := members[name]
			if !ok {
				continue // unknown members are ignored, as AWS ignores them
			}
			if err := c.assign(v.Field(i), item, memberPath(path, name)); err != nil {
				return err
			}
		}
	default:
		// Unions and documents do not occur in the operations served here.
		return &SerializationError{Msg: fmt.Sprintf("unsupported member type %v at %s", t, path)}
	}
	return nil
}

// members maps the JSON member names of struct type t to its fields. The
// names are the model's: each field is set alone on a fresh value, and the
// SDK's Serialize method says under which member it writes it. A type
// without Serialize uses its Go field names.
func (c *codec) members(t reflect.Type) map[string]int {
	if m, ok := c.fields.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	ser, serializable := reflect.New(t).Interface().(smithy.Serializable)
	// Members with a default value are written even when zero: they are
	// not the field's own.
	var always map[string]bool
	if serializable {
		var r nameRecorder
		ser.Serialize(&r)
		always = make(map[string]bool, len(r.names))
		for _, n := range r.names {
			always[n] = true
		}
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous || f.Name == "ResultMetadata" {
			continue
		}
		name := f.Name
		if serializable {
			if n, ok := memberName(t, i, always); ok {
				name = n
			} else {
				for a := range always {
					if strings.EqualFold(a, f.Name) {
						name = a
					}
				}
			}
		}
		m[name] = i
	}
	c.fields.Store(t, m)
	return m
}

// memberName returns the member under which field i of struct type t is
// serialised: the one written when the field alone is set, besides those
// always written.
func memberName(t reflect.Type, i int, always map[string]bool) (string, bool) {
	v := reflect.New(t)
	f := v.Elem().Field(i)
	switch f.Kind() {
	case reflect.Pointer:
		f.Set(reflect.New(f.Type().Elem()))
	case reflect.Slice:
		f.Set(reflect.MakeSlice(f.Type(), 0, 0))
	case reflect.Map:
		f.Set(reflect.MakeMap(f.Type()))
	case reflect.String:
		f.SetString("x")
	case reflect.Bool:
		f.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f.SetInt(1)
	case reflect.Float32, reflect.Float64:
		f.SetFloat(1)
	case reflect.Struct:
		if f.Type() == timeType {
			f.Set(reflect.ValueOf(time.Unix(1, 0)))
		}
	default:
		return "", false
	}
	var r nameRecorder
	v.Interface().(smithy.Serializable).Serialize(&r)
	for _, n := range r.names {
		if !always[n] {
			return n, true
		}
	}
	return "", false
}

func parseSpecialFloat(s string) (float64, error) {
	switch s {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	return 0, strconv.ErrSyntax
}

// parseEpochSeconds reads a JSON number of seconds since the epoch exactly:
// "1700000000.123" is 1700000000 s and 123 ms, with no float rounding.
// Exponent forms ("1.700000000123E9", as some AWS services send) go through
// a float and are rounded to the microsecond.
func parseEpochSeconds(s string) (time.Time, error) {
	if strings.ContainsAny(s, "eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return time.Time{}, strconv.ErrSyntax
		}
		us := math.Round(f * 1e6)
		return time.UnixMicro(int64(us)).UTC(), nil
	}
	neg := strings.HasPrefix(s, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	var nsec int64
	if frac != "" {
		if len(frac) > 9 {
			frac = frac[:9]
		}
		n, err := strconv.ParseInt(frac, 10, 64)
		if err != nil {
			return time.Time{}, err
		}
		for i := len(frac); i < 9; i++ {
			n *= 10
		}
		nsec = n
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

// EncodeJSON returns the AWS JSON 1.1 body of v, one of the SDK's input,
// output or error structs, written by v's own Serialize method as the
// endpoint writes its answers: the model's member names, epoch-second
// timestamps with milliseconds, base64 blobs, absent members left out.
func EncodeJSON(v smithy.Serializable) []byte {
	w := &jsonWriter{}
	v.Serialize(w)
	return w.buf
}
