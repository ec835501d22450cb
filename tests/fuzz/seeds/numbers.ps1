1; 0x1F; 1kb; 2.5mb; 1e3; 1.5d; 10l; 7u; 3ul; 0b1010; 1s; 1us; 100y; 200uy; 1n; .5; 1.; 0xFFFFFFFF
-1; +2; 1_000
