// Package settings is a service's configuration loader, written as a user
// of fakeaws would write one, and tested with fakeaws (see its tests: they
// are the example).
//
// The service keeps its settings in Parameter Store under one path
// (/orders/prod/db/host, /orders/prod/db/port, ...) and its database
// password in Secrets Manager. It reads the password through Parameter
// Store's /aws/reference/secretsmanager/<secret-id> names, so one client
// and one IAM action (ssm:GetParameter, plus secretsmanager:GetSecretValue
// on the secret) read both. The password is cached; every RefreshEvery the
// loader asks Secrets Manager which version is AWSCURRENT and reads the
// password again only when that version has moved (after a rotation).
// Throttled calls are retried with a back-off.
package settings

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

// Parameters is what the loader needs of *ssm.Client: reading a path page
// by page, and reading one name.
type Parameters interface {
	ssm.GetParametersByPathAPIClient
	GetParameter(ctx context.Context, in *ssm.GetParameterInput, optFns ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

// Secrets is what the loader needs of *secretsmanager.Client: which version
// of the secret is AWSCURRENT.
type Secrets interface {
	DescribeSecret(ctx context.Context, in *secretsmanager.DescribeSecretInput, optFns ...func(*secretsmanager.Options)) (*secretsmanager.DescribeSecretOutput, error)
}

// Loader reads the service's settings and database password. It is safe
// for concurrent use.
type Loader struct {
	ssm      Parameters
	sm       Secrets
	path     string // "/orders/prod/"
	secretID string // "prod/orders/db"
	opt      options

	mu       sync.Mutex
	password string
	version  string    // the secret version the password was read from
	checked  time.Time // when AWSCURRENT was last looked at
}

type options struct {
	refresh  time.Duration
	attempts int
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

// Option configures a Loader.
type Option func(*options)

// RefreshEvery sets how often the loader checks whether the password has
// been rotated (default 5 minutes).
func RefreshEvery(d time.Duration) Option { return func(o *options) { o.refresh = d } }

// WithClock makes the loader read the time from now (default time.Now).
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithSleep replaces how the loader waits between attempts (default: a
// timer, cut short by the context).
func WithSleep(sleep func(context.Context, time.Duration) error) Option {
	return func(o *options) { o.sleep = sleep }
}

// Attempts sets how many times a throttled call is tried (default 3).
func Attempts(n int) Option { return func(o *options) { o.attempts = n } }

// New returns a loader of the settings under path and of the password kept
// in the secret secretID.
func New(ssmc Parameters, smc Secrets, path, secretID string, opts ...Option) *Loader {
	o := options{refresh: 5 * time.Minute, attempts: 3, now: time.Now, sleep: sleepCtx}
	for _, opt := range opts {
		opt(&o)
	}
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return &Loader{ssm: ssmc, sm: smc, path: path, secretID: secretID, opt: o}
}

// Settings reads every parameter under the loader's path, decrypted, and
// returns them by their name below the path: "db/host" for
// /orders/prod/db/host.
func (l *Loader) Settings(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	pages := ssm.NewGetParametersByPathPaginator(l.ssm, &ssm.GetParametersByPathInput{
		Path: aws.String(strings.TrimSuffix(l.path, "/")), Recursive: aws.Bool(true), WithDecryption: aws.Bool(true),
	})
	for pages.HasMorePages() {
		var page *ssm.GetParametersByPathOutput
		err := l.retry(ctx, func() (err error) {
			page, err = pages.NextPage(ctx)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("settings under %s: %w", l.path, err)
		}
		for _, p := range page.Parameters {
			out[strings.TrimPrefix(aws.ToString(p.Name), l.path)] = aws.ToString(p.Value)
		}
	}
	return out, nil
}

// Password returns the database password. It reads it on first use, and
// again when a check (at most every RefreshEvery) finds that AWSCURRENT
// has moved to another version.
func (l *Loader) Password(ctx context.Context) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.opt.now()
	if l.version != "" && now.Sub(l.checked) < l.opt.refresh {
		return l.password, nil
	}
	if l.version != "" {
		current, err := l.currentVersion(ctx)
		if err != nil {
			return "", err
		}
		if current == l.version {
			l.checked = now
			return l.password, nil
		}
	}
	pw, version, err := l.read(ctx, "")
	if err != nil {
		return "", err
	}
	l.password, l.version, l.checked = pw, version, now
	return pw, nil
}

// PreviousPassword reads the password of the version before the current
// one (AWSPREVIOUS), which the database may still accept for a while after
// a rotation.
func (l *Loader) PreviousPassword(ctx context.Context) (string, error) {
	pw, _, err := l.read(ctx, ":AWSPREVIOUS")
	return pw, err
}

// read reads the secret through Parameter Store, with selector (":label"
// or ":version-id") after its ID, and returns the value and the version it
// came from (in the answer's SourceResult, the secret's own answer).
func (l *Loader) read(ctx context.Context, selector string) (value, version string, err error) {
	var out *ssm.GetParameterOutput
	err = l.retry(ctx, func() (err error) {
		out, err = l.ssm.GetParameter(ctx, &ssm.GetParameterInput{
			Name: aws.String("/aws/reference/secretsmanager/" + l.secretID + selector), WithDecryption: aws.Bool(true),
		})
		return err
	})
	if err != nil {
		return "", "", fmt.Errorf("database password: %w", err)
	}
	var src struct{ VersionId string }
	if err := json.Unmarshal([]byte(aws.ToString(out.Parameter.SourceResult)), &src); err != nil {
		return "", "", fmt.Errorf("database password: reading SourceResult: %w", err)
	}
	return aws.ToString(out.Parameter.Value), src.VersionId, nil
}

// currentVersion asks Secrets Manager which version is AWSCURRENT.
func (l *Loader) currentVersion(ctx context.Context) (string, error) {
	var out *secretsmanager.DescribeSecretOutput
	err := l.retry(ctx, func() (err error) {
		out, err = l.sm.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(l.secretID)})
		return err
	})
	if err != nil {
		return "", fmt.Errorf("database password: %w", err)
	}
	for id, stages := range out.VersionIdsToStages {
		for _, s := range stages {
			if s == "AWSCURRENT" {
				return id, nil
			}
		}
	}
	return "", fmt.Errorf("database password: secret %s has no AWSCURRENT version", l.secretID)
}

// retry calls f until it succeeds, fails with anything but throttling, or
// has been tried Attempts times, waiting 100 ms, 200 ms, ... between tries.
// (The real SDK clients retry throttling on their own; the loader retries
// too, as it cannot know which client it was given.)
func (l *Loader) retry(ctx context.Context, f func() error) error {
	var err error
	for attempt := range l.opt.attempts {
		if err = f(); err == nil || !throttled(err) {
			return err
		}
		if attempt+1 < l.opt.attempts {
			if serr := l.opt.sleep(ctx, time.Duration(100<<attempt)*time.Millisecond); serr != nil {
				return serr
			}
		}
	}
	return err
}

// throttled reports whether err is AWS asking the caller to slow down.
func throttled(err error) bool {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return false
	}
	switch api.ErrorCode() {
	case "ThrottlingException", "TooManyUpdates", "Throttling":
		return true
	}
	return false
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
