module github.com/dinie/lending

go 1.26

require (
	github.com/rickar/cal/v2 v2.1.31
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.3.0
)
