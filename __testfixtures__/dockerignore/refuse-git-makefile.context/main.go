package main; func main(){}
