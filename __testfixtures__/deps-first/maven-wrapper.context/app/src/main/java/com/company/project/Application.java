package com.company.project;
public class Application {}
