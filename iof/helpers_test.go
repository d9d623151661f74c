package iof_test

import (
	"strings"

	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
