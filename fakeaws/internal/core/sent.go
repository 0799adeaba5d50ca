package core

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

// modelled is what a service's model says of one error code.
type modelled struct {
	typ        reflect.Type // the typed error's struct (New returns a pointer to one)
	hasMessage bool         // the shape has a message member: the wire carries one
}

// errorModels indexes each service's modelled errors by code, once.
var errorModels = sync.OnceValue(func() map[string]map[string]modelled {
	index := func(reg *smithy.TypeRegistry) map[string]modelled {
		m := map[string]modelled{}
		for id, e := range reg.Entries {
			if e.New == nil || e.Schema == nil {
				continue
			}
			t := reflect.TypeOf(e.New())
			if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
				continue
			}
			if _, ok := reflect.New(t.Elem()).Interface().(smithy.APIError); !ok {
				continue
			}
			f, ok := t.Elem().FieldByName("Message")
			hasField := ok && f.Type == reflect.TypeFor[*string]()
			code := id[strings.LastIndexByte(id, '#')+1:]
			m[code] = modelled{typ: t.Elem(), hasMessage: hasField && (e.Schema.Member("message") != nil || e.Schema.Member("Message") != nil)}
		}
		return m
	}
	return map[string]map[string]modelled{
		ServiceSSM: index(ssm.TypeRegistry),
		ServiceSM:  index(secretsmanager.TypeRegistry),
	}
})

// TypedError returns service's modelled error for code, carrying message
// when its shape has a message member, or nil when the model has no such
// error.
func TypedError(service, code, message string) error {
	m, ok := errorModels()[service][code]
	if !ok {
		return nil
	}
	v := reflect.New(m.typ)
	if m.hasMessage {
		v.Elem().FieldByName("Message").Set(reflect.ValueOf(&message))
	}
	return v.Interface().(error)
}

// AsSent returns api as the real SDK client reads it back from AWS's
// answer, so that every way in gives the same error:
//   - a code the service models is its typed error, whether api was typed
//     or a *smithy.GenericAPIError;
//   - a typed error whose shape has no message member has no message, as
//     the wire cannot carry one (InvalidResourceId, TooManyTagsError, …);
//   - an unmodelled error is a *smithy.GenericAPIError of unknown fault
//     (the SDK cannot read a fault from the answer);
//   - invalid UTF-8 in the message is U+FFFD, as JSON carries it.
//
// An error already in that form is returned as it is.
func AsSent(service string, api smithy.APIError) smithy.APIError {
	code, msg := api.ErrorCode(), api.ErrorMessage()
	clean := strings.ToValidUTF8(msg, "\uFFFD")
	if m, ok := errorModels()[service][code]; ok {
		if reflect.TypeOf(api) == reflect.PointerTo(m.typ) && clean == msg && (m.hasMessage || msg == "") {
			return api
		}
		return TypedError(service, code, clean).(smithy.APIError)
	}
	if g, ok := api.(*smithy.GenericAPIError); ok && g.Fault == smithy.FaultUnknown && clean == msg {
		return api
	}
	return &smithy.GenericAPIError{Code: code, Message: clean}
}

// asSentError applies AsSent to the API error in err, when there is one.
func asSentError(service string, err error) error {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return err
	}
	return AsSent(service, api)
}
