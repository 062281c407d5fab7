defmodule Hello.MixProject do
end
