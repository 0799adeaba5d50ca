package ssmfake_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const (
	tierID       = "/ssm/parameter-store/default-parameter-tier"
	throughputID = "/ssm/parameter-store/high-throughput-enabled"
	settingARN   = "arn:aws:ssm:" + region + ":" + account + ":servicesetting"
)

func TestServiceSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cmpSetting := cmpopts.IgnoreUnexported(types.ServiceSetting{})
	cases := []struct {
		name    string
		updates []*ssm.UpdateServiceSettingInput
		get     string
		want    *types.ServiceSetting
		wantErr error
	}{
		{"default tier starts Standard, Status Default (D)", nil, tierID,
			&types.ServiceSetting{SettingId: aws.String(tierID), SettingValue: aws.String("Standard"), Status: aws.String("Default"),
				ARN: aws.String(settingARN + tierID), LastModifiedDate: aws.Time(t0)}, nil},
		{"high throughput starts false (D)", nil, throughputID,
			&types.ServiceSetting{SettingId: aws.String(throughputID), SettingValue: aws.String("false"), Status: aws.String("Default"),
				ARN: aws.String(settingARN + throughputID), LastModifiedDate: aws.Time(t0)}, nil},
		{"updated by ARN, read by path: Customized, LastModifiedUser set (D: ServiceSetting)",
			[]*ssm.UpdateServiceSettingInput{{SettingId: aws.String(settingARN + tierID), SettingValue: aws.String("Intelligent-Tiering")}}, tierID,
			&types.ServiceSetting{SettingId: aws.String(tierID), SettingValue: aws.String("Intelligent-Tiering"), Status: aws.String("Customized"),
				ARN: aws.String(settingARN + tierID), LastModifiedDate: aws.Time(t0), LastModifiedUser: aws.String("arn:aws:iam::" + account + ":root")}, nil},
		{"read by ARN (D: SettingId)", []*ssm.UpdateServiceSettingInput{{SettingId: aws.String(throughputID), SettingValue: aws.String("true")}}, settingARN + throughputID,
			&types.ServiceSetting{SettingId: aws.String(throughputID), SettingValue: aws.String("true"), Status: aws.String("Customized"),
				ARN: aws.String(settingARN + throughputID), LastModifiedDate: aws.Time(t0), LastModifiedUser: aws.String("arn:aws:iam::" + account + ":root")}, nil},
		{"unknown setting: ServiceSettingNotFound (D)", nil, "/ssm/parameter-store/nope", nil,
			&types.ServiceSettingNotFound{Message: aws.String("ServiceSetting /ssm/parameter-store/nope is not found.")}},
		{"ARN of another region: ServiceSettingNotFound (D)", nil, "arn:aws:ssm:us-east-1:" + account + ":servicesetting" + tierID, nil,
			&types.ServiceSettingNotFound{Message: aws.String("ServiceSetting arn:aws:ssm:us-east-1:" + account + ":servicesetting" + tierID + " is not found.")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			for _, u := range tc.updates {
				if _, err := c.UpdateServiceSetting(ctx, u); err != nil {
					t.Fatal(err)
				}
			}
			out, err := c.GetServiceSetting(ctx, &ssm.GetServiceSettingInput{SettingId: aws.String(tc.get)})
			checkErr(t, err, tc.wantErr)
			if err != nil {
				return
			}
			if diff := cmp.Diff(tc.want, out.ServiceSetting, cmpSetting); diff != "" {
				t.Errorf("GetServiceSetting mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpdateServiceSettingRejects(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name   string
		in     *ssm.UpdateServiceSettingInput
		want   error
		assert string // the value the setting keeps
	}{
		{"tier outside Standard|Advanced|Intelligent-Tiering (D)", &ssm.UpdateServiceSettingInput{SettingId: aws.String(tierID), SettingValue: aws.String("standard")},
			validation("The value standard is not valid for the setting " + tierID + ". Valid values: Standard, Advanced, Intelligent-Tiering."), "Standard"},
		{"throughput outside true|false (D)", &ssm.UpdateServiceSettingInput{SettingId: aws.String(throughputID), SettingValue: aws.String("yes")},
			validation("The value yes is not valid for the setting " + throughputID + ". Valid values: true, false."), "false"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			_, err := c.UpdateServiceSetting(ctx, tc.in)
			checkErr(t, err, tc.want)
			out, err := c.GetServiceSetting(ctx, &ssm.GetServiceSettingInput{SettingId: tc.in.SettingId})
			if err != nil || aws.ToString(out.ServiceSetting.SettingValue) != tc.assert {
				t.Errorf("after a refused update: %v, %v; want %s", out, err, tc.assert)
			}
		})
	}
}

func TestResetServiceSetting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	if _, err := c.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{SettingId: aws.String(tierID), SettingValue: aws.String("Advanced")}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Minute)
	out, err := c.ResetServiceSetting(ctx, &ssm.ResetServiceSettingInput{SettingId: aws.String(tierID)})
	if err != nil {
		t.Fatal(err)
	}
	want := &types.ServiceSetting{SettingId: aws.String(tierID), SettingValue: aws.String("Standard"), Status: aws.String("Default"),
		ARN: aws.String(settingARN + tierID), LastModifiedDate: aws.Time(t0.Add(time.Minute))}
	if diff := cmp.Diff(want, out.ServiceSetting, cmpopts.IgnoreUnexported(types.ServiceSetting{})); diff != "" {
		t.Errorf("ResetServiceSetting mismatch (-want +got):\n%s", diff)
	}
}

func TestDefaultTierSetting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name    string
		setting string
		in      *ssm.PutParameterInput
		want    types.ParameterTier
	}{
		{"Advanced default: a new parameter without Tier is Advanced (D: PutParameterInput.Tier)", "Advanced", str("/a", "v"), types.ParameterTierAdvanced},
		{"Intelligent-Tiering default, small value: Standard (D)", "Intelligent-Tiering", str("/a", "v"), types.ParameterTierStandard},
		{"Intelligent-Tiering default, value over 4096: Advanced (D)", "Intelligent-Tiering", str("/a", strings.Repeat("x", 5000)), types.ParameterTierAdvanced},
		{"an explicit Tier wins over the default (D)", "Advanced",
			&ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: types.ParameterTypeString, Tier: types.ParameterTierStandard}, types.ParameterTierStandard},
		{"Standard default: Standard", "Standard", str("/a", "v"), types.ParameterTierStandard},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			if _, err := c.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{SettingId: aws.String(tierID), SettingValue: aws.String(tc.setting)}); err != nil {
				t.Fatal(err)
			}
			out, err := c.PutParameter(ctx, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if out.Tier != tc.want {
				t.Errorf("Tier = %s, want %s", out.Tier, tc.want)
			}
		})
	}
}
