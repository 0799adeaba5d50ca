package core

import (
	"errors"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Service IDs, as the SDK's clients name them in an OperationError
// (ssm.ServiceID, secretsmanager.ServiceID).
const (
	ServiceSSM = "SSM"
	ServiceSM  = "Secrets Manager"
)

// Wrap dresses err as the real SDK client would return it:
//
//   - an API error (a typed error from the service's types package, or a
//     *smithy.GenericAPIError) becomes
//     *smithy.OperationError → *awshttp.ResponseError (status, request ID) → err;
//   - a client-side validation error (smithy.InvalidParamsError) becomes
//     *smithy.OperationError → err, with no response, as the SDK's
//     validation middleware fails before anything is sent;
//   - an error that is already an *smithy.OperationError is returned as is.
//
// The API error is given in the form the real client reads back from the
// wire (AsSent), so the fake clients and the endpoint answer alike.
//
// The status is 500 for server faults and 400 otherwise.
func Wrap(service, op, requestID string, err error) error {
	if err == nil {
		return nil
	}
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		return err
	}
	var ipe smithy.InvalidParamsError
	if errors.As(err, &ipe) {
		return &smithy.OperationError{ServiceID: service, OperationName: op, Err: err}
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		// Not an answer from the service (a cancelled context, say): the SDK
		// reports it with no response attached.
		return &smithy.OperationError{ServiceID: service, OperationName: op, Err: err}
	}
	status := http.StatusBadRequest
	if api.ErrorFault() == smithy.FaultServer {
		status = http.StatusInternalServerError
	}
	// The error as the client reads it from the answer, whichever way in.
	err = asSentError(service, err)
	resp := &http.Response{StatusCode: status, Header: http.Header{}}
	resp.Header.Set("X-Amzn-Requestid", requestID)
	return &smithy.OperationError{
		ServiceID:     service,
		OperationName: op,
		Err: &awshttp.ResponseError{
			ResponseError: &smithyhttp.ResponseError{
				Response: &smithyhttp.Response{Response: resp},
				Err:      err,
			},
			RequestID: requestID,
		},
	}
}

// APIError returns an error with the given code and message for errors that
// the service's model does not type (Secrets Manager's ValidationException,
// for example). errors.As with smithy.APIError reads its code and message.
func APIError(code, message string) error {
	return &smithy.GenericAPIError{Code: code, Message: message, Fault: smithy.FaultClient}
}

// Required returns the SDK's client-side error for missing required fields,
// as the generated validators build it: context is the input type's name
// ("GetParameterInput"), fields the missing members in order.
func Required(context string, fields ...string) error {
	e := smithy.InvalidParamsError{Context: context}
	for _, f := range fields {
		e.Add(smithy.NewErrParamRequired(f))
	}
	return e
}

// Params collects client-side validation failures the way the SDK's generated
// validators do. The zero value is not usable: use NewParams.
type Params struct{ e smithy.InvalidParamsError }

// NewParams starts a collection for the input type named context.
func NewParams(context string) *Params {
	return &Params{e: smithy.InvalidParamsError{Context: context}}
}

// Require records field as missing when missing is true.
func (p *Params) Require(missing bool, field string) {
	if missing {
		p.e.Add(smithy.NewErrParamRequired(field))
	}
}

// Nested records the failures of a nested member (a list element or a
// structure) under ctx, such as "Tags[0]".
func (p *Params) Nested(ctx string, nested *Params) {
	if nested != nil && nested.e.Len() > 0 {
		p.e.AddNested(ctx, nested.e)
	}
}

// Err returns the collected error, or nil when nothing is missing.
func (p *Params) Err() error {
	if p.e.Len() == 0 {
		return nil
	}
	return p.e
}

// The errors both services answer alike, one constructor each.

// RateExceeded is the message of AWS's ThrottlingException.
const RateExceeded = "Rate exceeded"

// Throttling is the error AWS answers when a caller exceeds the request
// rate: ThrottlingException "Rate exceeded", typed for Parameter Store,
// unmodelled in Secrets Manager. The SDK's retryer retries it.
func Throttling(op Op) error {
	if op.Prefix() == PrefixSSM {
		return &ssmtypes.ThrottlingException{Message: aws.String(RateExceeded)}
	}
	return APIError("ThrottlingException", RateExceeded)
}

// InternalError is the service's server fault (HTTP 500):
// InternalServerError for Parameter Store, InternalServiceError for
// Secrets Manager.
func InternalError(op Op) error {
	const msg = "An internal error occurred."
	if op.Prefix() == PrefixSSM {
		return &ssmtypes.InternalServerError{Message: aws.String(msg)}
	}
	return &smtypes.InternalServiceError{Message: aws.String(msg)}
}

// DeniedMessage is IAM's text for a refused request (O: the texts AWS
// returns, e.g. "User: arn:aws:iam::123456789012:user/ci is not authorized
// to perform: ssm:GetParameter on resource:
// arn:aws:ssm:us-east-1:123456789012:parameter/x because no identity-based
// policy allows the ssm:GetParameter action"; Secrets Manager names the
// secret as the caller did, "... secretsmanager:GetSecretValue on resource:
// settings because ...", and a call on no resource without "on resource",
// "... to perform: secretsmanager:ListSecrets because ..."). r.Action is
// the action refused.
func DeniedMessage(principal string, r Resource, explicit bool) string {
	action := string(r.Action)
	msg := "User: " + principal + " is not authorized to perform: " + action
	if r.Shown != "" {
		msg += " on resource: " + r.Shown
	}
	if explicit {
		return msg + " with an explicit deny in an identity-based policy"
	}
	return msg + " because no identity-based policy allows the " + action + " action"
}

// AccessDenied is AWS's AccessDeniedException for a call of op refused
// r: Parameter Store's typed error, Secrets Manager's unmodelled one (HTTP
// 400).
func AccessDenied(op Op, principal string, r Resource, explicit bool) error {
	msg := DeniedMessage(principal, r, explicit)
	if op.Prefix() == PrefixSSM {
		return &ssmtypes.AccessDeniedException{Message: aws.String(msg)}
	}
	return APIError("AccessDeniedException", msg)
}
