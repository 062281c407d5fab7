window.b = 1;
