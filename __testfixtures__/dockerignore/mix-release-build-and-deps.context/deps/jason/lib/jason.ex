defmodule Jason do
end
