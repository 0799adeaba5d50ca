package paramstore

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetServiceSetting declares Parameter Store's GetServiceSetting.
var GetServiceSetting = &op[ssm.GetServiceSettingInput, ssm.GetServiceSettingOutput]{
	Op:       action("GetServiceSetting"),
	Validate: validateGetServiceSettingInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetServiceSettingInput) []core.Resource {
		return s.settingResource(in.SettingId)
	},
	Run: (*State).GetServiceSetting,
}

// UpdateServiceSetting declares Parameter Store's UpdateServiceSetting.
var UpdateServiceSetting = &op[ssm.UpdateServiceSettingInput, ssm.UpdateServiceSettingOutput]{
	Op:       action("UpdateServiceSetting"),
	Write:    true,
	Validate: validateUpdateServiceSettingInput,
	Resources: func(s *State, _ core.Env, in *ssm.UpdateServiceSettingInput) []core.Resource {
		return s.settingResource(in.SettingId)
	},
	Run: (*State).UpdateServiceSetting,
}

// ResetServiceSetting declares Parameter Store's ResetServiceSetting.
var ResetServiceSetting = &op[ssm.ResetServiceSettingInput, ssm.ResetServiceSettingOutput]{
	Op:       action("ResetServiceSetting"),
	Write:    true,
	Validate: validateResetServiceSettingInput,
	Resources: func(s *State, _ core.Env, in *ssm.ResetServiceSettingInput) []core.Resource {
		return s.settingResource(in.SettingId)
	},
	Run: (*State).ResetServiceSetting,
}

// The Parameter Store service settings (D: GetServiceSettingInput.SettingId,
// UpdateServiceSettingInput.SettingValue).
const (
	settingDefaultTier    = "/ssm/parameter-store/default-parameter-tier"
	settingHighThroughput = "/ssm/parameter-store/high-throughput-enabled"
)

// settingDefaults are the values AWS starts from, and the values each
// setting takes (D).
var settingDefaults = map[string]struct {
	value  string
	values []string
}{
	settingDefaultTier:    {"Standard", []string{"Standard", "Advanced", "Intelligent-Tiering"}},
	settingHighThroughput: {"false", []string{"true", "false"}},
}

// setting is a customized service setting; a setting absent from
// State.settings has its default value.
type setting struct {
	value    string
	modified time.Time
	user     string
}

// settingID turns a SettingId (the path or the full ARN of this account and
// region) into the path, or reports ServiceSettingNotFound.
func (s *State) settingID(raw string) (string, error) {
	id := raw
	if p := core.ServiceSettingARN(s.region, s.account, ""); strings.HasPrefix(raw, p+"/") {
		id = strings.TrimPrefix(raw, p)
	}
	if _, ok := settingDefaults[id]; !ok {
		// The code is the SDK's (D); the text is not known (U).
		return "", &types.ServiceSettingNotFound{Message: aws.String(fmt.Sprintf("ServiceSetting %s is not found.", raw))}
	}
	return id, nil
}

// serviceSetting is AWS's answer for setting id.
func (s *State) serviceSetting(env core.Env, id string) *types.ServiceSetting {
	out := &types.ServiceSetting{
		SettingId: aws.String(id),
		ARN:       aws.String(core.ServiceSettingARN(s.region, s.account, id)),
	}
	if c := s.settings[id]; c != nil {
		out.SettingValue = aws.String(c.value)
		out.LastModifiedDate = aws.Time(c.modified)
		// D: populated only if the setting value was overwritten.
		out.LastModifiedUser = aws.String(c.user)
		out.Status = aws.String("Customized")
		return out
	}
	out.SettingValue = aws.String(settingDefaults[id].value)
	// A default setting was never modified in the fake: the date is the
	// time of the call (approximation).
	out.LastModifiedDate = aws.Time(env.Now)
	out.Status = aws.String("Default")
	return out
}

// defaultTier is the tier PutParameter uses when none is given.
func (s *State) defaultTier() types.ParameterTier {
	if c := s.settings[settingDefaultTier]; c != nil {
		return types.ParameterTier(c.value)
	}
	return types.ParameterTierStandard
}

// HighThroughput reports whether /ssm/parameter-store/high-throughput-enabled
// is "true", which raises Parameter Store's request quotas. The caller holds
// the Store's lock.
func (s *State) HighThroughput() bool {
	c := s.settings[settingHighThroughput]
	return c != nil && c.value == "true"
}

// GetServiceSetting returns a Parameter Store service setting.
func (s *State) GetServiceSetting(env core.Env, in *ssm.GetServiceSettingInput) (*ssm.GetServiceSettingOutput, error) {
	id, err := s.settingID(aws.ToString(in.SettingId))
	if err != nil {
		return nil, err
	}
	return &ssm.GetServiceSettingOutput{ServiceSetting: s.serviceSetting(env, id)}, nil
}

// UpdateServiceSetting sets a Parameter Store service setting.
func (s *State) UpdateServiceSetting(env core.Env, in *ssm.UpdateServiceSettingInput) (*ssm.UpdateServiceSettingOutput, error) {
	id, err := s.settingID(aws.ToString(in.SettingId))
	if err != nil {
		return nil, err
	}
	value := aws.ToString(in.SettingValue)
	ok := false
	for _, v := range settingDefaults[id].values {
		ok = ok || v == value
	}
	if !ok {
		// D: the values UpdateServiceSettingInput.SettingValue lists; the
		// text is not known (U).
		return nil, validation(fmt.Sprintf("The value %s is not valid for the setting %s. Valid values: %s.", value, id, strings.Join(settingDefaults[id].values, ", ")))
	}
	if s.settings == nil {
		s.settings = map[string]*setting{}
	}
	s.settings[id] = &setting{value: value, modified: env.Now, user: s.user}
	return &ssm.UpdateServiceSettingOutput{}, nil
}

// ResetServiceSetting puts a setting back to its default and returns it.
func (s *State) ResetServiceSetting(env core.Env, in *ssm.ResetServiceSettingInput) (*ssm.ResetServiceSettingOutput, error) {
	id, err := s.settingID(aws.ToString(in.SettingId))
	if err != nil {
		return nil, err
	}
	delete(s.settings, id)
	return &ssm.ResetServiceSettingOutput{ServiceSetting: s.serviceSetting(env, id)}, nil
}

// Settings returns the customized service settings, path to value (the
// settings at their default are left out). fixture.Partition has no field
// for them yet; this is what one would hold.
func (s *State) Settings() map[string]string {
	out := make(map[string]string, len(s.settings))
	for id, c := range s.settings {
		out[id] = c.value
	}
	return out
}

// SetSettings customizes the service settings given, path (or ARN) to value,
// as of at, checking every one first as UpdateServiceSetting does; on an
// error nothing changes.
func (s *State) SetSettings(settings map[string]string, at time.Time) error {
	next := make(map[string]*setting, len(s.settings)+len(settings))
	for id, c := range s.settings {
		next[id] = c
	}
	for raw, value := range settings {
		id, err := s.settingID(raw)
		if err != nil {
			return err
		}
		if !slices.Contains(settingDefaults[id].values, value) {
			return fmt.Errorf("setting %s: value %q: want one of %s", id, value, strings.Join(settingDefaults[id].values, ", "))
		}
		next[id] = &setting{value: value, modified: at, user: s.user}
	}
	s.settings = next
	return nil
}
