package fakeaws

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aws/smithy-go"
)

// ReportedCalls is how many of the most recent calls NewForTest logs when
// its test fails.
const ReportedCalls = 20

// NewForTest returns a new Store (New(opts...)) tied to tb: when the test
// has failed by the time it ends, the Store's most recent calls (up to
// ReportedCalls, oldest first) are logged to it, one line each with the
// time on the Store's clock, the operation, the input's fields that are
// set, and the answer or the error:
//
//	fakeaws: the 2 calls to the Store, oldest first:
//	  11:09:49.618 SSM.PutParameter {Name: "/app/db/host", Value: "db.internal", Type: String} → {Tier: Standard, Version: 1}
//	  11:09:49.618 SSM.GetParameter {Name: "/app/db/hots"} → ParameterNotFound
//
// A passing test logs nothing. The Store needs no other cleanup: it holds
// no goroutines, files or sockets.
func NewForTest(tb testing.TB, opts ...Option) *Store {
	tb.Helper()
	st := New(opts...)
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Log(st.CallReport(ReportedCalls))
		}
	})
	return st
}

// CallReport describes the last n calls in the call log, oldest first, one
// line each (see NewForTest); n <= 0 means every call in the log.
func (s *Store) CallReport(n int) string {
	if s.eng.CallLogOff() {
		return "fakeaws: the Store's call log is off (WithCallLog(0)), so there are no calls to show"
	}
	calls := s.Calls()
	if len(calls) == 0 {
		return "fakeaws: no calls to the Store"
	}
	total := len(calls)
	if n > 0 && total > n {
		calls = calls[total-n:]
	}
	var b strings.Builder
	if len(calls) == total {
		fmt.Fprintf(&b, "fakeaws: the %d calls to the Store, oldest first:", total)
	} else {
		fmt.Fprintf(&b, "fakeaws: the last %d of %d calls to the Store, oldest first:", len(calls), total)
	}
	for _, c := range calls {
		b.WriteString("\n  ")
		b.WriteString(c.Time.Format("15:04:05.000"))
		b.WriteByte(' ')
		b.WriteString(c.String())
	}
	return b.String()
}

// String describes the call on one line: the operation, the fields of the
// input that are set, and the answer's (its ARNs, dates and metadata left
// out) or the error's code and message:
//
//	SSM.GetParameter {Name: "/app/db/host", WithDecryption: true} → {Parameter: {Name: "/app/db/host", Type: String, Value: "db.internal", Version: 1}}
//	Secrets Manager.GetSecretValue {SecretId: "prod/db"} → ResourceNotFoundException: Secrets Manager can't find the specified secret.
//
// Strings longer than 48 characters and lists longer than 4 entries are
// cut short with "…".
func (c Call) String() string {
	var b strings.Builder
	b.WriteString(c.Op.String())
	b.WriteByte(' ')
	if c.Input == nil {
		b.WriteString("{}")
	} else {
		writeValue(&b, reflect.ValueOf(c.Input), 0)
	}
	b.WriteString(" → ")
	switch {
	case c.Err != nil:
		b.WriteString(errorSummary(c.Err))
	case c.Output == nil:
		b.WriteString("{}")
	default:
		writeValue(&b, reflect.ValueOf(c.Output), 0)
	}
	return b.String()
}

// errorSummary is an error as a reader of a test log wants it: the API
// error's code and message without the SDK's wrapping (operation, status,
// request ID), or the error's own text.
func errorSummary(err error) string {
	var api smithy.APIError
	if errors.As(err, &api) {
		if msg := api.ErrorMessage(); msg != "" {
			return api.ErrorCode() + ": " + msg
		}
		return api.ErrorCode()
	}
	return err.Error()
}

// Limits of a call's description.
const (
	maxString = 48 // runes of a string shown
	maxList   = 4  // entries of a list shown
	maxDepth  = 3  // levels of nested structs shown
)

// quiet reports whether a field of an SDK type is left out of a call's
// description: long, and rarely what a failing test is about.
func quiet(field string) bool {
	switch field {
	case "ARN", "DataType", "LastModifiedDate", "LastModifiedUser", "CreatedDate",
		"SourceResult", "ResultMetadata", "LastAccessedDate", "LastChangedDate", "LastRotatedDate":
		return true
	}
	return false
}

// isZero reports whether v shows nothing: nil, or a zero value.
func isZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return v.IsNil()
	}
	return v.IsZero()
}

// writeValue writes v compactly: strings quoted, enums bare, structs as
// {Field: value, ...} of their set exported fields.
func writeValue(b *strings.Builder, v reflect.Value, depth int) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		v = v.Elem()
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		b.WriteString(v.Interface().(time.Time).UTC().Format(time.RFC3339Nano))
		return
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if v.Type() != reflect.TypeFor[string]() {
			b.WriteString(s) // an SDK enum: String, SecureString, Standard
			return
		}
		if utf8.RuneCountInString(s) > maxString {
			s = string([]rune(s)[:maxString]) + "…"
		}
		b.WriteString(strconv.Quote(s))
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		fmt.Fprint(b, v.Interface())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "<%d bytes>", v.Len())
			return
		}
		b.WriteByte('[')
		for i := range min(v.Len(), maxList) {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, v.Index(i), depth+1)
		}
		if v.Len() > maxList {
			fmt.Fprintf(b, ", … (%d in all)", v.Len())
		}
		b.WriteByte(']')
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		b.WriteString("map[")
		for i, k := range keys[:min(len(keys), maxList)] {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, k, depth+1)
			b.WriteString(": ")
			writeValue(b, v.MapIndex(k), depth+1)
		}
		if len(keys) > maxList {
			fmt.Fprintf(b, ", … (%d in all)", len(keys))
		}
		b.WriteByte(']')
	case reflect.Struct:
		if depth >= maxDepth {
			b.WriteString("{…}")
			return
		}
		b.WriteByte('{')
		first := true
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || quiet(f.Name) || isZero(v.Field(i)) {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(f.Name)
			b.WriteString(": ")
			writeValue(b, v.Field(i), depth+1)
		}
		b.WriteByte('}')
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}
