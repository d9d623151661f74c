module github.com/dinie/lending

go 1.26

require (
	github.com/rickar/cal/v2 v2.1.31 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	pgregory.net/rapid v1.3.0 // indirect
)
