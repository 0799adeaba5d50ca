package secrets

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// One constructor per error, with AWS's text and its source
// (docs/aws-behaviour.md §3; tags as there).

// errNotFound: docs/aws-behaviour.md §3.2 (M, used widely).
func errNotFound() error {
	return &types.ResourceNotFoundException{Message: aws.String("Secrets Manager can't find the specified secret.")}
}

// errNoVersionID: docs/aws-behaviour.md §3.5 GetSecretValue (M).
func errNoVersionID(id string) error {
	return &types.ResourceNotFoundException{Message: aws.String("Secrets Manager can't find the specified secret value for VersionId: " + id)}
}

// errNoStage: docs/aws-behaviour.md §3.5 GetSecretValue (M for AWSCURRENT, U for others).
func errNoStage(stage string) error {
	return &types.ResourceNotFoundException{Message: aws.String("Secrets Manager can't find the specified secret value for staging label: " + stage)}
}

// errMarkedDeleted: docs/aws-behaviour.md §3.5 GetSecretValue and UpdateSecret (O, real
// Lambda error logs).
func errMarkedDeleted() error {
	return &types.InvalidRequestException{Message: aws.String("You can't perform this operation on the secret because it was marked for deletion.")}
}

// errAlreadyDeleted: a second DeleteSecret without force (docs/aws-behaviour.md §3.5, M's
// wording without its prefix).
func errAlreadyDeleted() error {
	return &types.InvalidRequestException{Message: aws.String("You tried to perform the operation on a secret that's currently marked deleted.")}
}

// errScheduled: CreateSecret over a name scheduled for deletion (docs/aws-behaviour.md §3.4, O).
func errScheduled() error {
	return &types.InvalidRequestException{Message: aws.String("You can't create this secret because a secret with this name is already scheduled for deletion.")}
}

// errExists: CreateSecret on an existing name with a new token (docs/aws-behaviour.md §3.4, MV).
func errExists(name string) error {
	return &types.ResourceExistsException{Message: aws.String("The operation failed because the secret " + name + " already exists.")}
}

// errTokenInUse: a token that names a version with another value (docs/aws-behaviour.md §3.4, MV).
func errTokenInUse(token, arn string) error {
	return &types.ResourceExistsException{Message: aws.String("You can't use ClientRequestToken " + token + " because that value is already in use for a version of secret " + arn + ".")}
}

// errTokenLength: docs/aws-behaviour.md §3.4 (M).
func errTokenLength() error {
	return invalidParam("ClientRequestToken must be 32-64 characters long.")
}

// errBothValues: SecretString and SecretBinary together (D: "You can't
// specify both"; the text is AWS's as seen in client logs, U).
func errBothValues() error {
	return invalidParam("You can't specify both a binary secret value and a string secret value in the same secret.")
}

// errNoValue: PutSecretValue without a value (docs/aws-behaviour.md §3.5, M).
func errNoValue() error {
	return &types.InvalidRequestException{Message: aws.String("You must provide either SecretString or SecretBinary.")}
}

// errStageNotOnVersion: GetSecretValue with an id and a stage that are not
// on the same version (docs/aws-behaviour.md §3.5, M).
func errStageNotOnVersion() error {
	return &types.InvalidRequestException{Message: aws.String("You provided a VersionStage that is not associated to the provided VersionId.")}
}

// errBadNextToken: a NextToken the fake did not make. AWS's text is not
// known (U).
func errBadNextToken() error {
	return &types.InvalidNextTokenException{Message: aws.String("The NextToken value is invalid.")}
}

func invalidParam(msg string) error {
	return &types.InvalidParameterException{Message: aws.String(msg)}
}

// validation returns AWS's "1 validation error detected" ValidationException
// (the AWS JSON protocol's server-side constraint check, which the SDK does
// not do: docs/aws-behaviour.md §4.1). Secrets Manager's model does not type it.
func validation(format string, args ...any) error {
	return core.APIError("ValidationException", "1 validation error detected: "+fmt.Sprintf(format, args...))
}

// tooLong and tooShort are the length constraint texts; sensitive members
// (secret values) are reported without their value, as AWS does (U).
func tooLong(value, field string, max int) error {
	return validation("Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", value, field, max)
}

func tooShort(value, field string, min int) error {
	return validation("Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d", value, field, min)
}

func sensitiveLength(field string, n, min, max int) error {
	if n < min {
		return validation("Value at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d", field, min)
	}
	return validation("Value at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", field, max)
}

func outOfRange(value int64, field string, min, max int64) error {
	if value < min {
		return validation("Value '%d' at '%s' failed to satisfy constraint: Member must have value greater than or equal to %d", value, field, min)
	}
	return validation("Value '%d' at '%s' failed to satisfy constraint: Member must have value less than or equal to %d", value, field, max)
}

// errNotAVersion: UpdateSecretVersionStage naming a version the secret does
// not have (docs/aws-behaviour.md §3.5, M).
func errNotAVersion(id string) error { return invalidParam("Not a valid version: " + id) }
