package secrets

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Server-side checks the SDK does not make (docs/aws-behaviour.md §4.1). Limits from the API
// model (D) as the SDK's doc comments give them.
const (
	maxNameLen        = 512
	maxValueLen       = 65536
	maxDescriptionLen = 2048
	maxKmsKeyIDLen    = 2048
	maxStageLen       = 256
	maxStagesPerPut   = 20
	maxTagKeyLen      = 128
	maxTagValueLen    = 256
	maxTags           = 50
	maxSecretIDLen    = 2048
	defaultKmsKey     = "alias/aws/secretsmanager"
)

// checkName: 1–512 characters of ASCII letters, digits and /_+=.@- (spec
// 3.2, D). The charset text is AWS's (O: "Invalid name. Must be a valid name
// containing alphanumeric characters, or any of the following: -/_+=.@!").
func checkName(name string) error {
	if len(name) < 1 {
		return tooShort(name, "name", 1)
	}
	if len(name) > maxNameLen {
		return tooLong(name, "name", maxNameLen)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@' || c == '-':
		default:
			return core.APIError("ValidationException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!")
		}
	}
	return nil
}

// checkSecretID: SecretId is 1–2048 characters (D).
func checkSecretID(id *string, field string) error {
	if id == nil {
		return nil
	}
	if len(*id) < 1 {
		return tooShort(*id, field, 1)
	}
	if len(*id) > maxSecretIDLen {
		return tooLong(*id, field, maxSecretIDLen)
	}
	return nil
}

// checkValue: a secret value is SecretString or SecretBinary, not both, each
// 1–65536 (docs/aws-behaviour.md §3.5, D).
func checkValue(str *string, bin []byte) error {
	if str != nil && bin != nil {
		return errBothValues()
	}
	if str != nil && (len(*str) < 1 || len(*str) > maxValueLen) {
		return sensitiveLength("secretString", len(*str), 1, maxValueLen)
	}
	if bin != nil && (len(bin) < 1 || len(bin) > maxValueLen) {
		return sensitiveLength("secretBinary", len(bin), 1, maxValueLen)
	}
	return nil
}

// checkToken: a ClientRequestToken given by the caller is 32–64 characters
// (docs/aws-behaviour.md §3.4, M).
func checkToken(token *string) error {
	if token != nil && (len(*token) < 32 || len(*token) > 64) {
		return errTokenLength()
	}
	return nil
}

// checkMeta: Description ≤2048, KmsKeyId ≤2048 (D).
func checkMeta(description, kmsKeyID *string) error {
	if description != nil && len(*description) > maxDescriptionLen {
		return tooLong(*description, "description", maxDescriptionLen)
	}
	if kmsKeyID != nil && len(*kmsKeyID) > maxKmsKeyIDLen {
		return tooLong(*kmsKeyID, "kmsKeyId", maxKmsKeyIDLen)
	}
	return nil
}

// checkStage: a staging label is 1–256 characters (D).
func checkStage(stage, field string) error {
	if len(stage) < 1 {
		return tooShort(stage, field, 1)
	}
	if len(stage) > maxStageLen {
		return tooLong(stage, field, maxStageLen)
	}
	return nil
}

// checkTags: keys 1–128, values 0–256, at most 50 tags per call (D).
func checkTags(tags []types.Tag) error {
	if len(tags) > maxTags {
		return validation("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to %d", maxTags)
	}
	for i, t := range tags {
		k := aws.ToString(t.Key)
		if t.Key == nil || len(k) < 1 {
			return tooShort(k, "tags."+strconv.Itoa(i+1)+".member.key", 1)
		}
		if len(k) > maxTagKeyLen {
			return tooLong(k, "tags."+strconv.Itoa(i+1)+".member.key", maxTagKeyLen)
		}
		if v := aws.ToString(t.Value); len(v) > maxTagValueLen {
			return tooLong(v, "tags."+strconv.Itoa(i+1)+".member.value", maxTagValueLen)
		}
	}
	return nil
}

func itoa(i int) string { return strconv.Itoa(i) }
