require 'sinatra'
