module example.com/frontend
