package paramstore

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// PutParameter declares Parameter Store's PutParameter.
var PutParameter = &op[ssm.PutParameterInput, ssm.PutParameterOutput]{
	Op:       action("PutParameter"),
	Write:    true,
	Validate: validatePutParameterInput,
	Resources: func(s *State, _ core.Env, in *ssm.PutParameterInput) []core.Resource {
		return s.namesResources(aws.ToString(in.Name))
	},
	Alloc:   newPutAnswer,
	RunInto: (*State).putParameterInto,
}

const (
	// maxVersions is how many versions AWS keeps (D, M).
	maxVersions = 100
	// Value limits per tier, in characters (O: the Standard text below; D).
	maxStandardValue = 4096
	maxAdvancedValue = 8192
	// defaultKeyID is the key a SecureString uses when none is given (M; D
	// says "the default key associated with your account", which is this
	// alias).
	defaultKeyID = "alias/aws/ssm"
	// maxTags is how many tags a parameter can carry (D: TooManyTagsError).
	maxTags = 50
)

// dataTypes are the data types PutParameterInput.DataType documents (D,
// aws-sdk-go-v2 service/ssm v1.83.0). Values are checked against integer
// (checkDataTypeValue) and the form of aws:ec2:image (putParameterInto);
// the rules and texts of the others are not known.
var dataTypes = []string{
	"text", "aws:ec2:image", "aws:ssm:integration", "aws:region", "aws:account:id",
	"boolean", "integer", "float", "binary", "hostname", "email",
	"ipv4-address", "ipv6-address", "url", "json", "jsonc",
}

// lastModifiedUser is who the fake says changed a parameter: the account's
// root user, as there is no IAM in the fake (AWS records the caller's ARN; D).
func lastModifiedUser(region, account string) string { return core.IAMARN(region, account, "root") }

// newPutAnswer allocates the version a PutParameter fills, before the lock
// is taken.
func newPutAnswer() any { return new(version) }

// PutParameter is putParameterInto with an answer of its own.
func (s *State) PutParameter(env core.Env, in *ssm.PutParameterInput) (*ssm.PutParameterOutput, error) {
	return s.putParameterInto(env, in, newPutAnswer())
}

// putParameterInto creates a parameter or, with Overwrite, a new version of
// it, filling the version answer holds. Checks run in the order of
// docs/aws-behaviour.md §2.3 and all of them before anything changes.
func (s *State) putParameterInto(env core.Env, in *ssm.PutParameterInput, answer any) (*ssm.PutParameterOutput, error) {
	value := aws.ToString(in.Value)
	overwrite := aws.ToBool(in.Overwrite)
	// 1. Empty value (docs/aws-behaviour.md §2.3, M).
	if value == "" {
		return nil, validation("1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.")
	}
	// 1a. A value nesting a parameter reference, {{…}} (docs/aws-behaviour.md
	// §2.3; SDK: PutParameterInput.Value; the text is observed).
	if nestsParameter(value) {
		return nil, validation(`Parameter value can't nest another parameter. Do not use "{{}}" in the value.`)
	}
	// 2. Overwrite with Tags (docs/aws-behaviour.md §2.3, M).
	if overwrite && len(in.Tags) > 0 {
		return nil, validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.")
	}
	// 3. The name: reserved prefixes first (docs/aws-behaviour.md §2.8), then the rules of 2.2.
	name := trimName(aws.ToString(in.Name))
	if err := s.checkPutName(name); err != nil {
		return nil, err
	}
	p := s.lookup(name)
	var prev *version
	if p != nil {
		prev = p.latest()
	}
	// 4, 5. Type (docs/aws-behaviour.md §2.3, M).
	if prev == nil && in.Type == "" {
		return nil, validation("A parameter type is required when you create a parameter.")
	}
	if in.Type != "" && !slices.Contains(types.ParameterTypeString.Values(), in.Type) {
		return nil, validation(fmt.Sprintf("1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]", in.Type))
	}
	// 6. DataType (docs/aws-behaviour.md §2.3, M; the list is D).
	if in.DataType != nil && !slices.Contains(dataTypes, *in.DataType) {
		return nil, validation(fmt.Sprintf("The following data type is not supported: %s (Data type names are all lowercase.)", *in.DataType))
	}
	// 7. Exists without Overwrite (docs/aws-behaviour.md §2.3, M; conformance scenario).
	if prev != nil && !overwrite {
		return nil, &types.ParameterAlreadyExists{Message: aws.String("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.")}
	}
	// Member lengths and enums of the API model (D), as the service checks
	// them (the Go SDK does not).
	if err := checkPutMembers(in); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags, nil); err != nil {
		return nil, err
	}

	v := answer.(*version)
	*v = version{value: value, modified: env.Now, user: s.user}
	v.typ = in.Type
	if prev != nil {
		// Fields left out of an overwrite are inherited (docs/aws-behaviour.md §2.3, M).
		v.version = prev.version + 1
		if v.typ == "" {
			v.typ = prev.typ
		}
		v.description, v.allowedPattern, v.dataType, v.policies = prev.description, prev.allowedPattern, prev.dataType, prev.policies
		if prev.typ == types.ParameterTypeSecureString {
			v.keyID = prev.keyID
		}
	} else {
		v.version = 1
		v.dataType = "text"
	}
	if in.Description != nil {
		v.description = *in.Description
	}
	if in.AllowedPattern != nil {
		v.allowedPattern = *in.AllowedPattern
	}
	if in.DataType != nil {
		v.dataType = *in.DataType
	}
	if in.Policies != nil {
		v.policies = *in.Policies
	}
	if v.typ == types.ParameterTypeSecureString {
		if in.KeyId != nil && *in.KeyId != "" {
			v.keyID = *in.KeyId
		}
		if v.keyID == "" {
			v.keyID = defaultKeyID
		}
	} else {
		v.keyID = ""
	}
	asked := in.Tier
	if asked == "" && (prev == nil || s.defaultTier() != types.ParameterTierStandard) {
		// The default-parameter-tier service setting applies to calls that
		// give no tier (D: PutParameterInput.Tier); a Standard default
		// leaves an overwrite's tier as it was.
		asked = s.defaultTier()
	}
	tier, err := resolveTier(asked, prev, v)
	if err != nil {
		return nil, err
	}
	v.tier = tier
	// Policies need the Advanced tier (docs/aws-behaviour.md §2.3; SDK:
	// PutParameterInput.Tier: standard parameters "can't be configured to
	// use parameter policies"; the text is the fake's).
	if tier == types.ParameterTierStandard && hasPolicies(v.policies) {
		return nil, validation("Standard tier parameters don't support parameter policies. To use parameter policies, create the parameter in the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html")
	}
	if err := checkValue(v); err != nil {
		return nil, err
	}
	if err := checkDataTypeValue(v); err != nil {
		return nil, err
	}
	// 8. The version limit (docs/aws-behaviour.md §2.3, D and M).
	if p != nil && len(p.versions) >= maxVersions {
		if oldest := p.versions[0]; len(oldest.labels) > 0 {
			return nil, &types.ParameterMaxVersionLimitExceeded{Message: aws.String(fmt.Sprintf(
				"You attempted to create a new version of %s by calling the PutParameter API with the overwrite flag. Version %d, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
				p.name, oldest.version))}
		}
	}

	// aws:ec2:image is checked after AWS has answered: a value that is not
	// an AMI ID gets a success, and the parameter is not created or updated
	// (docs/aws-behaviour.md §2.3; SDK: PutParameterInput.DataType).
	if v.dataType == "aws:ec2:image" && !amiID.MatchString(v.value) {
		return &ssm.PutParameterOutput{Version: v.version, Tier: v.tier}, nil
	}

	// Everything is checked: change the state.
	if p == nil {
		p = &param{name: name, arn: s.arn(name)}
		s.params[key(name)] = p
		s.index.insert(name)
		p.tags = mergeTags(nil, in.Tags)
	}
	if len(p.versions) >= maxVersions {
		p.versions[0] = nil
		p.versions = slices.Delete(p.versions, 0, 1)
	}
	p.versions = append(p.versions, v)
	return &ssm.PutParameterOutput{Version: v.version, Tier: v.tier}, nil
}

// nestsParameter reports whether value holds "{{" followed somewhere by
// "}}", a parameter reference such as {{ssm:name}}, which a value cannot
// nest.
func nestsParameter(value string) bool {
	i := strings.Index(value, "{{")
	return i >= 0 && strings.Contains(value[i+2:], "}}")
}

// hasPolicies reports whether policies sets any policy: "" and "[]" set
// none (an empty policy clears them; SDK: PutParameterInput.Policies).
func hasPolicies(policies string) bool {
	p := strings.Join(strings.Fields(policies), "")
	return p != "" && p != "[]"
}

// amiID is the form of an AMI ID: "ami-" and 8 or 17 hexadecimal digits,
// the form of EC2 resource IDs.
var amiID = regexp.MustCompile(`^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$`)

// integerValue is the form of a value of DataType integer: digits, with an
// optional leading minus sign.
var integerValue = regexp.MustCompile(`^-?[0-9]+$`)

// checkDataTypeValue checks v's value against its data type where the fake
// knows the rule: integer, item by item for a StringList (docs/aws-behaviour.md
// §2.3; Guide: parameter data types: "Parameter Store validates the value
// during the PutParameter operation and rejects values that don't
// conform"; the text is the fake's).
func checkDataTypeValue(v *version) error {
	if v.dataType != "integer" {
		return nil
	}
	items := []string{v.value}
	if v.typ == types.ParameterTypeStringList {
		items = strings.Split(v.value, ",")
	}
	for _, it := range items {
		if !integerValue.MatchString(it) {
			// The value is not echoed: it may be a SecureString's.
			return validation("Parameter value is not valid for the data type integer: each value must be a whole number, such as 443.")
		}
	}
	return nil
}

// checkPutMembers applies the API model's length and enum constraints (D).
func checkPutMembers(in *ssm.PutParameterInput) error {
	if in.Description != nil && utf8.RuneCountInString(*in.Description) > 1024 {
		return errLength(*in.Description, "description", 1024)
	}
	if in.AllowedPattern != nil && utf8.RuneCountInString(*in.AllowedPattern) > 1024 {
		return errLength(*in.AllowedPattern, "allowedPattern", 1024)
	}
	if in.KeyId != nil && len(*in.KeyId) > 256 {
		return errLength(*in.KeyId, "keyId", 256)
	}
	if in.Policies != nil && utf8.RuneCountInString(*in.Policies) > 4096 {
		return errLength(*in.Policies, "policies", 4096)
	}
	if in.Tier != "" && !slices.Contains(types.ParameterTier("").Values(), in.Tier) {
		return validation(fmt.Sprintf("1 validation error detected: Value '%s' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]", in.Tier))
	}
	return nil
}

// resolveTier decides the tier of the new version v (D: PutParameterInput.Tier):
// no tier inherits the previous version's (Standard for a new parameter);
// Intelligent-Tiering picks Advanced when the value is over 4096
// characters, a policy is set or the data type needs it, and Standard
// otherwise; an Advanced parameter never goes back to Standard.
func resolveTier(asked types.ParameterTier, prev, v *version) (types.ParameterTier, error) {
	prevAdvanced := prev != nil && prev.tier == types.ParameterTierAdvanced
	switch asked {
	case "":
		if prev != nil {
			return prev.tier, nil
		}
		return types.ParameterTierStandard, nil
	case types.ParameterTierIntelligentTiering:
		if prevAdvanced || utf8.RuneCountInString(v.value) > maxStandardValue || v.policies != "" ||
			v.dataType == "url" || v.dataType == "json" || v.dataType == "jsonc" {
			return types.ParameterTierAdvanced, nil
		}
		return types.ParameterTierStandard, nil
	case types.ParameterTierStandard:
		if prevAdvanced {
			// D: "You can't revert an advanced parameter to a standard
			// parameter." The text of the error is not known (U).
			return "", validation("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.")
		}
	}
	return asked, nil
}

// checkValue applies the tier's size limit and the allowed pattern to v.
func checkValue(v *version) error {
	n := utf8.RuneCountInString(v.value)
	if v.tier == types.ParameterTierStandard && n > maxStandardValue {
		// O: real AWS text (docs/aws-behaviour.md §2.3).
		return validation("Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html")
	}
	if n > maxAdvancedValue {
		// The model's limit for the value member (D); the text follows the
		// model-validation shape, without echoing the value (U).
		return validation("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 8192")
	}
	if v.allowedPattern == "" {
		return nil
	}
	// The pattern must match the whole value: the user guide's example
	// rejects 10000 against \d{1,4} (D). Go's RE2 syntax stands in for
	// Java's; patterns RE2 cannot compile are rejected.
	re, err := regexp.Compile(`^(?:` + v.allowedPattern + `)$`)
	if err != nil {
		return &types.InvalidAllowedPatternException{Message: aws.String("The request doesn't meet the regular expression requirement.")}
	}
	if !re.MatchString(v.value) {
		// D: the user guide's text.
		return &types.ParameterPatternMismatchException{Message: aws.String("Parameter value, cannot be validated against allowedPattern: " + v.allowedPattern)}
	}
	return nil
}

// checkTags validates tags to be added to a resource that carries
// have: key 1–128 and value 0–256 characters (D: the model), at most
// maxTags in all (TooManyTagsError, D; its text is not known, U).
func checkTags(tags []types.Tag, have []types.Tag) error {
	for i, t := range tags {
		k, v := aws.ToString(t.Key), aws.ToString(t.Value)
		if k == "" || utf8.RuneCountInString(k) > 128 {
			return errLength(k, fmt.Sprintf("tags.%d.member.key", i+1), 128)
		}
		if utf8.RuneCountInString(v) > 256 {
			return errLength(v, fmt.Sprintf("tags.%d.member.value", i+1), 256)
		}
	}
	if len(have)+countNewKeys(have, tags) > maxTags {
		return errTooManyTags()
	}
	return nil
}

// mergeTags returns have with add merged in: a key already there takes the
// new value, a new key goes at the end. The result is a fresh slice.
func mergeTags(have, add []types.Tag) []types.Tag {
	out := slices.Clone(have)
	for _, t := range add {
		k, v := aws.ToString(t.Key), aws.ToString(t.Value)
		i := slices.IndexFunc(out, func(x types.Tag) bool { return *x.Key == k })
		if i >= 0 {
			out[i] = types.Tag{Key: aws.String(k), Value: aws.String(v)}
			continue
		}
		out = append(out, types.Tag{Key: aws.String(k), Value: aws.String(v)})
	}
	return out
}

// countNewKeys returns how many keys of add are not in have.
func countNewKeys(have, add []types.Tag) int {
	seen := map[string]bool{}
	for _, t := range have {
		seen[*t.Key] = true
	}
	n := 0
	for _, t := range add {
		k := aws.ToString(t.Key)
		if !seen[k] {
			seen[k] = true
			n++
		}
	}
	return n
}
