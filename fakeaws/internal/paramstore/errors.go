package paramstore

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// One constructor per error, each citing where its words come from (tags as
// in docs/aws-behaviour.md: S scenario, O real AWS output, D documentation,
// M moto, U unverified).

func validation(msg string) error { return &types.ValidationException{Message: aws.String(msg)} }

// errNotFound is ParameterNotFound for a plain parameter. Real AWS sends it
// with an empty message ("An error occurred (ParameterNotFound) when calling
// the GetParameter operation: "; O, real AWS logs, as the conformance
// scenario records); moto's "Parameter <name> not found." is not AWS's.
func errNotFound() error { return &types.ParameterNotFound{Message: aws.String("")} }

// errNotFoundNamed is ParameterNotFound where no real AWS text is known
// (GetParameterHistory, LabelParameterVersion, UnlabelParameterVersion):
// moto's words (docs/aws-behaviour.md §2.7, M).
func errNotFoundNamed(name string) error {
	return &types.ParameterNotFound{Message: aws.String("Parameter " + name + " not found.")}
}

// errVersionNotFound: docs/aws-behaviour.md §2.4 (M, from moto PR 3977, which copied AWS's answer).
func errVersionNotFound(n int64, name string) error {
	return &types.ParameterVersionNotFound{Message: aws.String(fmt.Sprintf(
		"Systems Manager could not find version %d of %s. Verify the version and try again.", n, name))}
}

// errBadName is the text real AWS sends for any malformed name: a space, a
// character outside a-zA-Z0-9_.-/, an ARN where a name is wanted (O: boto3
// #1499, aws-sdk-php #1952, localstack #7712; docs/aws-behaviour.md §2.2).
func errBadName() error {
	return validation(`Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`)
}

// errNotFullyQualified: a name with a slash that does not start with one
// (O: terraform-provider-aws #7251, cdk-image-pipeline #148).
func errNotFullyQualified() error {
	return validation("Parameter name must be a fully qualified name.")
}

// errReservedShort: aws…/ssm… without a path (docs/aws-behaviour.md §2.8, M).
func errReservedShort() error {
	return validation(`Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive).`)
}

// errReservedPath: /aws…/… (docs/aws-behaviour.md §2.8, M; the reference names fall here).
func errReservedPath(name string) error {
	return &types.AccessDeniedException{Message: aws.String("No access to reserved parameter name: " + name + ".")}
}

// errHierarchy: more than 15 levels. The text is the error's doc comment in
// the SDK (D); AWS's exact words are not known (U).
func errHierarchy() error {
	return &types.HierarchyLevelLimitExceededException{Message: aws.String("A hierarchy can have a maximum of 15 levels.")}
}

// errNameTooLong: over 1011 characters counting the ARN prefix (D: the
// PutParameterInput.Name doc comment). The text is ours (U).
func errNameTooLong(limit int) error {
	return validation(fmt.Sprintf("Parameter name is too long: it can have at most %d characters after the ARN prefix (1011 characters including it).", limit))
}

// errLength is AWS's server-side model validation text for a member that is
// too long (D: the shape AWS uses for every model constraint).
func errLength(value, member string, max int) error {
	return validation(fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", value, member, max))
}

// errNextToken: a token this fake did not hand out. The code is the API
// model's (D); the text is ours (U).
func errNextToken() error {
	return &types.InvalidNextToken{Message: aws.String("The nextToken is not valid.")}
}

// errMaxResults is the model-validation text for a MaxResults out of range
// (docs/aws-behaviour.md §2.5 and 2.7, M). by-path writes the value unquoted and no final
// period; history quotes it and ends with a period.
func errMaxResultsByPath(n int32) error {
	if n < 1 {
		return validation(fmt.Sprintf("1 validation error detected: Value %d at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", n))
	}
	return validation(fmt.Sprintf("1 validation error detected: Value %d at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10", n))
}

func errMaxResults50(n int32) error {
	if n < 1 {
		return validation(fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1.", n))
	}
	return validation(fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50.", n))
}

// Errors whose shape in the API model has no member: the SDK reads no
// message from the wire for them, whatever the body holds, so no way in
// gives one (aws-sdk-go-v2 service/ssm v1.83.0 schemas: InvalidFilterKey,
// InvalidResourceId, InvalidResourceType and TooManyTagsError are
// structures of 0 members). Where each is answered: docs/aws-behaviour.md
// §2.5, 2.6 and 2.7.

// errInvalidFilterKey: a filter key the operation does not take, or one
// given twice.
func errInvalidFilterKey() error { return &types.InvalidFilterKey{} }

// errInvalidResourceID: a tag operation on a parameter that does not exist.
func errInvalidResourceID() error { return &types.InvalidResourceId{} }

// errInvalidResourceType: a tag operation on a resource type other than
// Parameter.
func errInvalidResourceType() error { return &types.InvalidResourceType{} }

// errTooManyTags: more than 50 tags on a parameter.
func errTooManyTags() error { return &types.TooManyTagsError{} }

// The filter errors DescribeParameters and GetParametersByPath share
// (docs/aws-behaviour.md §2.5 and 2.6).

// errFilterValuesMissing: a filter with no values.
func errFilterValuesMissing(key string) error {
	return &types.InvalidFilterValue{Message: aws.String("The following filter values are missing : null for filter key " + key + ".")}
}

// errFilterOption: an option the filter key does not take; valid lists
// those it takes.
func errFilterOption(opt string, valid ...string) error {
	return &types.InvalidFilterOption{Message: aws.String("The following filter option is not valid: " + opt + ". Valid options include: [" + strings.Join(valid, ", ") + "].")}
}

// errFilterValue: a value the filter key does not take (AWS answers it
// with the InvalidFilterOption code); valid lists those it takes.
func errFilterValue(v string, valid ...string) error {
	return &types.InvalidFilterOption{Message: aws.String("The following filter value is not valid: " + v + ". Valid values include: [" + strings.Join(valid, ", ") + "].")}
}
