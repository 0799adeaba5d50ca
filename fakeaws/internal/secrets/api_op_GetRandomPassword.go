package secrets

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetRandomPassword declares Secrets Manager's GetRandomPassword.
var GetRandomPassword = &op[secretsmanager.GetRandomPasswordInput, secretsmanager.GetRandomPasswordOutput]{
	Op:  action("GetRandomPassword"),
	Run: (*State).GetRandomPassword,
}

// Character classes of GetRandomPassword (docs/aws-behaviour.md §3.5, D).
const (
	lowerChars = "abcdefghijklmnopqrstuvwxyz"
	upperChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digitChars = "0123456789"
	punctChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)

// GetRandomPassword returns a password of PasswordLength (1–4096, default
// 32) characters drawn from the Store's ID source, from the classes not
// excluded, minus ExcludeCharacters, with a space when IncludeSpace. With
// RequireEachIncludedType (the default) it holds at least one character of
// each included class (letters, digits, punctuation; D). It reads no state.
func (s *State) GetRandomPassword(env core.Env, in *secretsmanager.GetRandomPasswordInput) (*secretsmanager.GetRandomPasswordOutput, error) {
	length := int64(32)
	if in.PasswordLength != nil {
		length = *in.PasswordLength
		if length < 1 || length > 4096 {
			return nil, outOfRange(length, "passwordLength", 1, 4096)
		}
	}
	if in.ExcludeCharacters != nil && len(*in.ExcludeCharacters) > 4096 {
		return nil, tooLong(*in.ExcludeCharacters, "excludeCharacters", 4096)
	}
	exclude := aws.ToString(in.ExcludeCharacters)
	keep := func(set string) string {
		return strings.Map(func(r rune) rune {
			if strings.ContainsRune(exclude, r) {
				return -1
			}
			return r
		}, set)
	}
	var classes []string
	for _, c := range []struct {
		set  string
		skip *bool
	}{
		{lowerChars, in.ExcludeLowercase}, {upperChars, in.ExcludeUppercase},
		{digitChars, in.ExcludeNumbers}, {punctChars, in.ExcludePunctuation},
	} {
		if aws.ToBool(c.skip) {
			continue
		}
		if set := keep(c.set); set != "" {
			classes = append(classes, set)
		}
	}
	all := strings.Join(classes, "")
	if aws.ToBool(in.IncludeSpace) && !strings.Contains(exclude, " ") {
		all += " "
	}
	if all == "" {
		// AWS's text is not known (U).
		return nil, invalidParam("The password has no characters to draw from: every character type is excluded.")
	}
	require := in.RequireEachIncludedType == nil || *in.RequireEachIncludedType
	pw := make([]byte, length)
	n := 0
	if require {
		if int(length) < len(classes) {
			// AWS's text is not known (U).
			return nil, invalidParam("The password length is too short to include each included character type.")
		}
		for _, c := range classes {
			env.IDs.Pick(c, pw[n:n+1])
			n++
		}
	}
	env.IDs.Pick(all, pw[n:])
	if require {
		env.IDs.Shuffle(pw)
	}
	return &secretsmanager.GetRandomPasswordOutput{RandomPassword: aws.String(string(pw))}, nil
}
